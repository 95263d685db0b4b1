// generated from grammar/userdata.peggy by scripts/generate.ts; do not edit.
import type { parse as parseFull } from "./userdata-parser.js";

export { StartRules, SyntaxError } from "./userdata-parser.js";

/** What parseFast answers where the input does not match; then the full parser has the error. */
export declare const NO_MATCH: unique symbol;

/** The start rule's value, or NO_MATCH; never throws on input, reports no error. */
export declare function parseFast(input: string, startRule: "PairList"): { name: string; value: string }[] | typeof NO_MATCH;
export declare function parseFast(input: string, startRule: "Value"): ({ type: "token"; name: string; text: string } | { type: "text"; text: string })[] | typeof NO_MATCH;

/** Same answers and errors as the full parser's parse, faster where the input matches. */
export declare const parse: typeof parseFull;

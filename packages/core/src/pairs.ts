// `[name|value]` pair lists (ctl_userdata, extTransactionData), parsed by the generated grammar.
import { type SyntaxError as PeggySyntaxError, parse } from "./generated/userdata-parser.js";

export interface Pair {
  readonly name: string;
  readonly value: string;
}

export type ValuePart =
  | { readonly type: "text"; readonly text: string }
  | { readonly type: "token"; readonly name: string; readonly text: string };

/** Names starting with this prefix are system data; the rest is user data. */
export const SYSTEM_PREFIX = "ctl_";

/** Where a pair list stopped being well formed, as data rather than a throw. */
export interface PairListProblem {
  /** 0-based offset in the (URL-decoded) value. */
  readonly offset: number;
  /** What the grammar expected there, e.g. `"|"` or `end of input`. */
  readonly expected: readonly string[];
  /** The character found, or null at the end of the input. */
  readonly found: string | null;
  /** One line: `at offset 5: expected "[" or end of input but "j" found`. */
  readonly message: string;
  /** The input on one line with a caret under the offset. */
  readonly excerpt: string;
}

export type PairListResult =
  | { readonly ok: true; readonly pairs: readonly Pair[] }
  | { readonly ok: false; readonly problem: PairListProblem };

// Unescaped, the class of a value (`[^\]]`) would read `[^]]`.
function classEscape(text: string): string {
  return text.replace(/[\\\]^-]/g, "\\$&");
}

/** How an expectation of the grammar reads in a problem message (exported for its tests, not from the index). */
export function describeExpectation(expectation: PeggySyntaxError["expected"][number]): string {
  switch (expectation.type) {
    case "literal":
      return JSON.stringify(expectation.text);
    case "end":
      return "end of input";
    case "any":
      return "any character";
    case "class":
      return `[${expectation.inverted ? "^" : ""}${expectation.parts.map((p) => (typeof p === "string" ? classEscape(p) : `${classEscape(p[0])}-${classEscape(p[1])}`)).join("")}]`;
    case "other":
      return expectation.description;
  }
}

function excerpt(input: string, offset: number): string {
  const line = input.replace(/[\r\n\t]/g, " ");
  // One column per code point before the offset, so an emoji does not push the caret right.
  return `${line}\n${" ".repeat([...input.slice(0, offset)].length)}^`;
}

function problemFrom(error: PeggySyntaxError, input: string): PairListProblem {
  const offset = error.location.start.offset;
  const expected = [...new Set(error.expected.map(describeExpectation))].sort();
  const found = error.found ?? null;
  // Stryker disable next-line UnaryOperator,StringLiteral: the grammar never expects more than two things at once, nor nothing
  const wanted = expected.length > 1 ? `${expected.slice(0, -1).join(", ")} or ${expected.at(-1)}` : (expected[0] ?? "nothing");
  const saw = found === null ? "end of input" : JSON.stringify(found);
  return { offset, expected, found, message: `at offset ${offset}: expected ${wanted} but ${saw} found`, excerpt: excerpt(input, offset) };
}

/** Parses a pair list; never throws on input. The empty string is the empty list. */
export function parseUserData(input: string): PairListResult {
  try {
    // Stryker disable next-line ObjectLiteral,StringLiteral: PairList is also the grammar's default start rule
    return { ok: true, pairs: parse(input, { startRule: "PairList" }) };
  } catch (error) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: the generated parser throws nothing but its SyntaxError
    if (error instanceof Error && error.name === "SyntaxError" && "location" in error) {
      return { ok: false, problem: problemFrom(error as PeggySyntaxError, input) };
    }
    throw error;
  }
}

/** The value's literal text and `$token$` placeholders, left to right. */
export function parseValue(value: string): readonly ValuePart[] {
  return parse(value, { startRule: "Value" });
}

/** Why a pair cannot be written as `[name|value]`, or undefined when it can; the grammar decides. */
export function pairProblem(pair: Pair): string | undefined {
  const text = `[${pair.name}|${pair.value}]`;
  const parsed = parseUserData(text);
  // The first pair read back; `][` in a name or value splits the text into several pairs.
  const first = parsed.ok ? parsed.pairs[0] : undefined;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,OptionalChaining: a single pair read back with its own name always has its own value; a parsed list has a first pair
  if (parsed.ok && parsed.pairs.length === 1 && first?.name === pair.name && first.value === pair.value) return undefined;
  if (pair.name.length === 0) return "a name must not be empty";
  // Read back under another name, or stopped inside the name: the name holds "[", "]" or "|".
  // Stryker disable next-line EqualityOperator,OptionalChaining: the parser never stops at the bar right after a whole name; text that starts with "[" and parses has a first pair
  const stoppedInName = parsed.ok ? first?.name !== pair.name : parsed.problem.offset <= pair.name.length + 1;
  if (stoppedInName) return `name ${JSON.stringify(pair.name)} contains "[", "]" or "|"`;
  return `value of ${JSON.stringify(pair.name)} contains "]"`;
}

/** Writes pairs as `[name|value]…`; the inverse of parseUserData. Throws on a pair that has no spelling. */
export function formatUserData(pairs: readonly Pair[]): string {
  let out = "";
  for (const pair of pairs) {
    const problem = pairProblem(pair);
    if (problem !== undefined) throw new RangeError(`formatUserData: ${problem}`);
    out += `[${pair.name}|${pair.value}]`;
  }
  return out;
}

export function isSystemPair(pair: Pair): boolean {
  return pair.name.startsWith(SYSTEM_PREFIX);
}

/** Splits pairs into system data (`ctl_…`) and user data, each in its original order. */
export function splitPairs(pairs: readonly Pair[]): { system: Pair[]; user: Pair[] } {
  const system: Pair[] = [];
  const user: Pair[] = [];
  for (const pair of pairs) (isSystemPair(pair) ? system : user).push(pair);
  return { system, user };
}

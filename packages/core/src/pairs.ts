// `[name|value]` pair lists (ctl_userdata, extTransactionData), parsed by the generated grammar.
import { NO_MATCH, parse, parseFast } from "./generated/userdata-fast.js";
import type { SyntaxError as PeggySyntaxError } from "./generated/userdata-parser.js";

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

/**
 * Whether `text` is a well-formed pair list, by the generated fast path alone: it reports no
 * match exactly where the full parser would fail, and a browser bundle that needs only this
 * answer leaves the full parser (and its error messages) out.
 */
export function isPairList(text: string): boolean {
  return parseFast(text, "PairList") !== NO_MATCH;
}

/** The value's literal text and `$token$` placeholders, left to right. */
export function parseValue(value: string): readonly ValuePart[] {
  return parse(value, { startRule: "Value" });
}

/**
 * Whether `[name|value]` reads back as exactly that one pair (by the fast path: no error text
 * needed). One pair that carries the whole name also carries the whole value: it runs from the
 * first "|" to the final "]", so comparing the value as well would test nothing more.
 */
function readsBack(name: string, value: string): boolean {
  const read = parseFast(`[${name}|${value}]`, "PairList");
  // Stryker disable next-line ConditionalExpression: NO_MATCH is a symbol, whose length is undefined, so the length test below refuses it too (the killed `true` twin goes with it)
  if (read === NO_MATCH) return false;
  // Stryker disable next-line OptionalChaining: a list of length 1 has a first pair
  return read.length === 1 && read[0]?.name === name;
}

/**
 * Why a pair cannot be written as `[name|value]`, or undefined when it can; the grammar decides,
 * through its fast path, so the formatter in a browser bundle does not pull in the full parser.
 */
export function pairProblem(pair: Pair): string | undefined {
  if (readsBack(pair.name, pair.value)) return undefined;
  if (pair.name.length === 0) return "a name must not be empty";
  // With an empty value nothing but the name can be at fault.
  // Stryker disable next-line StringLiteral: any value without "]" clears or blames the name alike
  const nameReadsBack = readsBack(pair.name, "");
  if (!nameReadsBack) return `name ${JSON.stringify(pair.name)} contains "[", "]" or "|"`;
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

// The generated fast path agrees with Peggy's full parser on every input: the same value where
// the input matches, NO_MATCH exactly where the full parser throws, and (through `parse`) the
// very same SyntaxError: offset, expectations, found, message.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_MATCH, parse, parseFast } from "../src/generated/userdata-fast.js";
import { parse as parseFull } from "../src/generated/userdata-parser.js";
import { formatUserData } from "../src/pairs.js";

type StartRule = "PairList" | "Value";
const START_RULES: readonly StartRule[] = ["PairList", "Value"];

type Outcome = { readonly value: unknown } | { readonly error: Record<string, unknown> };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    if (!(error instanceof Error) || error.name !== "SyntaxError") throw error;
    const { message, expected, found, location } = error as Error & { expected: unknown; found: unknown; location: unknown };
    return { error: { name: error.name, message, expected, found, location } };
  }
}

// Units that matter to the grammar, mixed with any code unit (lone surrogates included).
const unit = fc.oneof(
  fc.constantFrom(
    "[",
    "]",
    "|",
    "$",
    " ",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "a",
    "Z",
    "_",
    "9",
    "ctl_",
    "$interaction_guid$",
    "$1$",
    "😀",
    "\u00a0",
  ),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
);
const text = fc.string({ unit, maxLength: 40 });
const pairs = fc.array(
  fc.record({ name: text.map((s) => s.replace(/[[\]|]/g, "") || "n"), value: text.map((s) => s.replaceAll("]", "")) }),
  {
    maxLength: 6,
  },
);
// A well-formed list with one edit: the near misses where a fast path would most likely go wrong.
const nearMiss = fc
  .tuple(pairs.map(formatUserData), fc.nat(), fc.constantFrom("", "[", "]", "|", "x", " ", "$"), fc.nat({ max: 2 }))
  .map(([list, at, insert, remove]) => {
    const i = list.length === 0 ? 0 : at % (list.length + 1);
    return list.slice(0, i) + insert + list.slice(i + remove);
  });
const input = fc.oneof(text, pairs.map(formatUserData), nearMiss, fc.string({ unit: "binary", maxLength: 60 }));

describe("fast path against the full parser", () => {
  it.each(START_RULES)("parseFast matches the full parser's value, or says NO_MATCH where it throws (%s)", (startRule) => {
    fc.assert(
      fc.property(input, (given) => {
        const fast = parseFast(given, startRule as "PairList");
        const full = outcome(() => parseFull(given, { startRule }));
        if (fast === NO_MATCH) expect(full).toHaveProperty("error");
        else expect(full).toEqual({ value: fast });
      }),
      { numRuns: 3000 },
    );
  });

  it.each(START_RULES)("parse gives the full parser's value or its very error (%s)", (startRule) => {
    fc.assert(
      fc.property(input, (given) => {
        expect(outcome(() => parse(given, { startRule }))).toEqual(outcome(() => parseFull(given, { startRule })));
      }),
      { numRuns: 2000 },
    );
  });

  const cases: readonly { given: string; startRule: StartRule; want: unknown }[] = [
    { given: "", startRule: "PairList", want: [] },
    { given: " \t\r\n", startRule: "PairList", want: [] },
    { given: "[a|b]", startRule: "PairList", want: [{ name: "a", value: "b" }] },
    {
      given: " [a|b|c] [d|]\n",
      startRule: "PairList",
      want: [
        { name: "a", value: "b|c" },
        { name: "d", value: "" },
      ],
    },
    { given: "[a|b]junk", startRule: "PairList", want: NO_MATCH },
    { given: "[|b]", startRule: "PairList", want: NO_MATCH },
    { given: "[a|b", startRule: "PairList", want: NO_MATCH },
    { given: "[a[|b]", startRule: "PairList", want: NO_MATCH },
    { given: "", startRule: "Value", want: [] },
    { given: "$", startRule: "Value", want: [{ type: "text", text: "$" }] },
    {
      given: "$1$",
      startRule: "Value",
      want: [
        { type: "text", text: "$" },
        { type: "text", text: "1" },
        { type: "text", text: "$" },
      ],
    },
    {
      given: "id=$interaction_guid$!",
      startRule: "Value",
      want: [
        { type: "text", text: "id=" },
        { type: "token", name: "interaction_guid", text: "$interaction_guid$" },
        { type: "text", text: "!" },
      ],
    },
  ];

  it.each(cases)("$startRule of $given", ({ given, startRule, want }) => {
    expect(parseFast(given, startRule as "PairList")).toEqual(want);
  });

  it("answers NO_MATCH for a start rule it does not have, and parse leaves that error to the full parser", () => {
    expect(parseFast("", "Pair" as "PairList")).toBe(NO_MATCH);
    expect(parseFast("", "toString" as "PairList")).toBe(NO_MATCH);
    expect(() => parse("", { startRule: "Pair" as "PairList" })).toThrow(/Can't start parsing from rule "Pair"/);
  });

  it("hands any option besides startRule to the full parser", () => {
    const error = outcome(() => parse("[a|b", { startRule: "PairList", grammarSource: "here" }));
    expect(error).toEqual(outcome(() => parseFull("[a|b", { startRule: "PairList", grammarSource: "here" })));
    expect(JSON.stringify(error)).toContain('"source":"here"');
  });
});

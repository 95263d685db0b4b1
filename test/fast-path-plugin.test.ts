// The fast-path plugin (scripts/generate/fast-path.ts) on a grammar that uses every construct it
// compiles, against Peggy's own parser for that grammar; and the constructs it refuses.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import peggy from "peggy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FastPathOutput, fastPathPlugin } from "../scripts/generate/fast-path.ts";

// Choice, sequences with and without actions, plucks (one and two), labels seen by an inner
// action, text(), offset(), $, &, !, ?, *, + (values kept and dropped), literals short, long
// and case-insensitive, classes with ranges, any, recursion.
const GRAMMAR = `
Start = items:Item* end:End? { return { items, end, all: text(), at: offset() }; }
Item = "(" @Start ")" / @Word / Num / Kw / Pick / Stars / Hash / Long / Ws
Word = !Kw first:[a-z] rest:$[a-z0-9]* { return first + rest; }
Num = digits:$[0-9]+ frac:("." @$[0-9]+)? { return { digits, frac }; }
Kw = "let"i &" "
Pick = "<" @. @[^>] ">"
Stars = s:"*"+ { return s.length; }
Hash = "#" c:[xyz]* tail:("!" { return c.length; })? { return [c, tail]; }
Long = "longer-literal" [\\t ]+ [^;]
Ws = [ \\t]+ { return null; }
End = ";;"
`;
const START_RULES = ["Start", "Item"];

type Parse = (input: string, options?: { startRule?: string }) => unknown;
let dir = "";
let full: Parse;
let fast: { parse: Parse; parseFast: (input: string, startRule: string) => unknown; NO_MATCH: symbol };

function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    const { name, message, expected, found, location } = error as Error & Record<string, unknown>;
    return { error: { name, message, expected, found, location } };
  }
}

function fastPathOf(grammar: string): FastPathOutput {
  const output: FastPathOutput = {};
  const plugin = fastPathPlugin({ startRules: ["S"], fullParser: "./full.js", returnTypes: {} }, output);
  peggy.generate(grammar, { allowedStartRules: ["S"], output: "ast", plugins: [plugin as unknown as peggy.Plugin] });
  return output;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "webcallback-fast-path-"));
  const output: FastPathOutput = {};
  const plugin = fastPathPlugin({ startRules: START_RULES, fullParser: "./full.js", returnTypes: {} }, output);
  const source = peggy.generate(GRAMMAR, {
    allowedStartRules: START_RULES,
    output: "source",
    format: "es",
    plugins: [plugin as unknown as peggy.Plugin],
  });
  await writeFile(join(dir, "full.js"), source);
  await writeFile(join(dir, "fast.js"), output.js ?? "");
  full = ((await import(pathToFileURL(join(dir, "full.js")).href)) as { parse: Parse }).parse;
  fast = await import(pathToFileURL(join(dir, "fast.js")).href);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fast-path plugin", () => {
  const unit = fc.constantFrom(
    "(",
    ")",
    "a",
    "q",
    "0",
    "7",
    ".",
    "let ",
    "LeT",
    "<",
    ">",
    "*",
    "#",
    "x",
    "z",
    "!",
    ";",
    ";;",
    " ",
    "\t",
    "longer-literal",
    "longer-literal \tk",
    "😀",
    "\ud800",
  );
  const input = fc.string({ unit, maxLength: 30 });

  it.each(START_RULES)("agrees with Peggy's parser on every input (%s)", (startRule) => {
    fc.assert(
      fc.property(input, (given) => {
        const want = outcome(() => full(given, { startRule }));
        const quick = fast.parseFast(given, startRule);
        if (quick === fast.NO_MATCH) expect(want).toHaveProperty("error");
        else expect(want).toEqual({ value: quick });
        expect(outcome(() => fast.parse(given, { startRule }))).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps values the grammar builds", () => {
    expect(fast.parseFast("abc (12.5 <qq>) LET *** #xz! ;;", "Start")).toEqual(full("abc (12.5 <qq>) LET *** #xz! ;;"));
    expect(fast.parseFast("#xyz!", "Item")).toEqual([["x", "y", "z"], 3]);
  });

  const refused = [
    { grammar: 'S = &{ return true; } "a"', want: /rule S uses a semantic predicate/ },
    { grammar: 'S = "a"|2|', want: /rule S uses a bounded repetition/ },
    { grammar: "S = [a-z]i", want: /rule S uses a case-insensitive class/ },
    { grammar: 'S = "a" { return location(); }', want: /rule S uses an action that calls location\(\)/ },
    { grammar: '{ const x = 1; }\nS = "a"', want: /uses an initializer/ },
  ];

  it.each(refused)("refuses $grammar", ({ grammar, want }) => {
    expect(() => fastPathOf(grammar)).toThrow(want);
  });
});

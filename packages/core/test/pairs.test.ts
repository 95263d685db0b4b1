// Pair lists and $token$ scanning (CONTRACT.md section 4), through the generated grammar.
import { describe, expect, it } from "vitest";
import {
  describeExpectation,
  formatUserData,
  isPairList,
  isSystemPair,
  type Pair,
  pairProblem,
  parseUserData,
  parseValue,
  splitPairs,
} from "../src/pairs.js";

describe("parseUserData: well-formed lists", () => {
  const cases: readonly { readonly name: string; readonly input: string; readonly want: readonly Pair[] }[] = [
    { name: "empty string is the empty list", input: "", want: [] },
    { name: "white space alone is the empty list", input: " \r\n\t", want: [] },
    { name: "one pair", input: "[a|b]", want: [{ name: "a", value: "b" }] },
    {
      name: "pairs side by side",
      input: "[a|1][b|2]",
      want: [
        { name: "a", value: "1" },
        { name: "b", value: "2" },
      ],
    },
    {
      name: "white space between and around pairs",
      input: " [a|1] \n\t[b|2]\r\n",
      want: [
        { name: "a", value: "1" },
        { name: "b", value: "2" },
      ],
    },
    { name: "empty value", input: "[a|]", want: [{ name: "a", value: "" }] },
    { name: "first | ends the name", input: "[a|b|c]", want: [{ name: "a", value: "b|c" }] },
    { name: "value of bars", input: "[a|||]", want: [{ name: "a", value: "||" }] },
    { name: "value may hold [", input: "[a|[x]", want: [{ name: "a", value: "[x" }] },
    { name: "spaces kept inside name and value", input: "[ a | b ]", want: [{ name: " a ", value: " b " }] },
    { name: "line break inside a value", input: "[u|https://x/\ny]", want: [{ name: "u", value: "https://x/\ny" }] },
    { name: "tokens kept unexpanded", input: "[id|$interaction_guid$]", want: [{ name: "id", value: "$interaction_guid$" }] },
    { name: "unicode", input: "[名前|😀 ü]", want: [{ name: "名前", value: "😀 ü" }] },
    {
      name: "same name twice, in order",
      input: "[a|1][a|2]",
      want: [
        { name: "a", value: "1" },
        { name: "a", value: "2" },
      ],
    },
    { name: "URL-encoded text is not decoded", input: "[a|%5D]", want: [{ name: "a", value: "%5D" }] },
  ];
  it.each(cases)("$name", ({ input, want }) => {
    expect(parseUserData(input)).toEqual({ ok: true, pairs: want });
  });
  // The fast path alone must accept exactly what the full parser accepts.
  it.each(cases)("isPairList accepts it too: $name", ({ input }) => {
    expect(isPairList(input)).toBe(true);
  });
});

describe("parseUserData: malformed lists", () => {
  interface MalformedCase {
    readonly name: string;
    readonly input: string;
    readonly offset: number;
    readonly expected: readonly string[];
    readonly found: string | null;
  }
  const pairOrEnd = ['"["', "end of input"];
  const cases: readonly MalformedCase[] = [
    { name: "text after a pair", input: "[a|b]junk", offset: 5, expected: pairOrEnd, found: "j" },
    { name: "no bar", input: "[no-bar]", offset: 7, expected: ['"|"'], found: "]" },
    { name: "empty name", input: "[|b]", offset: 1, expected: ["name"], found: "|" },
    { name: "unclosed pair", input: "[a|b", offset: 4, expected: ['"]"', "[^\\]]"], found: null },
    { name: "lone [", input: "[", offset: 1, expected: ["name"], found: null },
    { name: "name only", input: "[a", offset: 2, expected: ['"|"'], found: null },
    { name: "bare text", input: "x", offset: 0, expected: pairOrEnd, found: "x" },
    { name: "bare pair text", input: "a|b", offset: 0, expected: pairOrEnd, found: "a" },
    { name: "[ inside a name", input: "[a[b|c]", offset: 2, expected: ['"|"'], found: "[" },
    { name: "] inside a value", input: "[a|b]c]", offset: 5, expected: pairOrEnd, found: "c" },
    { name: "stray ]", input: "[a|b]]", offset: 5, expected: pairOrEnd, found: "]" },
    { name: "trailing [", input: "[a|b][", offset: 6, expected: ["name"], found: null },
    { name: "second pair without bar", input: "[a|b][c]", offset: 7, expected: ['"|"'], found: "]" },
    { name: "text after white space", input: " [a|b] x", offset: 7, expected: pairOrEnd, found: "x" },
    { name: "comma between pairs", input: "[a|b],[c|d]", offset: 5, expected: pairOrEnd, found: "," },
    { name: "no-break space is not white space", input: "[a|b]\u00a0[c|d]", offset: 5, expected: pairOrEnd, found: "\u00a0" },
    { name: "emoji after a pair", input: "[a|b]😀", offset: 5, expected: pairOrEnd, found: "😀" },
  ];
  it.each(cases)("$name: $input at $offset", ({ input, offset, expected, found }) => {
    const result = parseUserData(input);
    if (result.ok) throw new Error(`${JSON.stringify(input)} was accepted`);
    expect(result.problem).toMatchObject({ offset, expected, found });
  });
  it.each(cases)("isPairList refuses it too: $name", ({ input }) => {
    expect(isPairList(input)).toBe(false);
  });

  const messages: readonly { readonly input: string; readonly message: string; readonly excerpt: string }[] = [
    { input: "[a|b]junk", message: 'at offset 5: expected "[" or end of input but "j" found', excerpt: "[a|b]junk\n     ^" },
    { input: "[no-bar]", message: 'at offset 7: expected "|" but "]" found', excerpt: "[no-bar]\n       ^" },
    { input: "[|b]", message: 'at offset 1: expected name but "|" found', excerpt: "[|b]\n ^" },
    { input: "[a|b", message: 'at offset 4: expected "]" or [^\\]] but end of input found', excerpt: "[a|b\n    ^" },
    // Line breaks and tabs become spaces, so the excerpt is one line and the caret stays in its column.
    {
      input: "[a|b]\r\n\t[c|d]x",
      message: 'at offset 13: expected "[" or end of input but "x" found',
      excerpt: "[a|b]   [c|d]x\n             ^",
    },
    // The caret counts code points: an emoji before the offset is one column, not two.
    { input: "[😀|x]junk", message: 'at offset 6: expected "[" or end of input but "j" found', excerpt: "[😀|x]junk\n     ^" },
  ];
  it.each(messages)("message and excerpt for $input", ({ input, message, excerpt }) => {
    const result = parseUserData(input);
    expect(result.ok ? undefined : { message: result.problem.message, excerpt: result.problem.excerpt }).toEqual({ message, excerpt });
  });
});

describe("parseValue: $token$ scanning, left to right", () => {
  /** Adjacent text parts merged, tokens as { token: name }: how a value reads, whatever the grammar splits. */
  function reading(value: string): (string | { readonly token: string })[] {
    const out: (string | { readonly token: string })[] = [];
    for (const part of parseValue(value)) {
      const last = out.at(-1);
      if (part.type === "token") out.push({ token: part.name });
      else if (typeof last === "string") out[out.length - 1] = last + part.text;
      else out.push(part.text);
    }
    return out;
  }
  const cases: readonly {
    readonly name: string;
    readonly value: string;
    readonly want: readonly (string | { readonly token: string })[];
  }[] = [
    { name: "empty", value: "", want: [] },
    { name: "plain text", value: "plain", want: ["plain"] },
    { name: "a token", value: "$interaction_guid$", want: [{ token: "interaction_guid" }] },
    { name: "text then token", value: "id=$interaction_guid$", want: ["id=", { token: "interaction_guid" }] },
    { name: "token then text", value: "$year$-$month$", want: [{ token: "year" }, "-", { token: "month" }] },
    { name: "tokens side by side", value: "$a$$b$", want: [{ token: "a" }, { token: "b" }] },
    { name: "stray $ before a token", value: "$$abc$", want: ["$", { token: "abc" }] },
    { name: "lone $", value: "$", want: ["$"] },
    { name: "two $", value: "$$", want: ["$$"] },
    { name: "price", value: "cost $5", want: ["cost $5"] },
    { name: "unclosed", value: "$caller_id", want: ["$caller_id"] },
    { name: "name starts with a digit", value: "$1abc$", want: ["$1abc$"] },
    { name: "dash in name", value: "$a-b$", want: ["$a-b$"] },
    { name: "space in name", value: "$ a$", want: ["$ a$"] },
    { name: "non-ASCII name", value: "$équal$", want: ["$équal$"] },
    { name: "closing $ is not reused", value: "$a$b$", want: [{ token: "a" }, "b$"] },
    { name: "underscore name", value: "$_$", want: [{ token: "_" }] },
    { name: "mixed case and digits", value: "$callAnsweredTenantTT$", want: [{ token: "callAnsweredTenantTT" }] },
    { name: "unknown names are tokens too", value: "$nope$", want: [{ token: "nope" }] },
    { name: "text, stray $, token", value: "a$$b$c", want: ["a$", { token: "b" }, "c"] },
  ];
  it.each(cases)("$name: $value", ({ value, want }) => {
    expect(reading(value)).toEqual(want);
  });

  it.each(cases)("loses nothing: $value", ({ value }) => {
    expect(
      parseValue(value)
        .map((part) => part.text)
        .join(""),
    ).toBe(value);
  });

  it("gives each token its text as written", () => {
    expect(parseValue("$equal$")).toEqual([{ type: "token", name: "equal", text: "$equal$" }]);
  });
});

describe("formatUserData", () => {
  const cases: readonly { readonly name: string; readonly pairs: readonly Pair[]; readonly want: string }[] = [
    { name: "no pairs", pairs: [], want: "" },
    { name: "one pair", pairs: [{ name: "a", value: "b" }], want: "[a|b]" },
    {
      name: "in order, empty value",
      pairs: [
        { name: "a", value: "1" },
        { name: "c", value: "" },
      ],
      want: "[a|1][c|]",
    },
    { name: "bar and [ in a value", pairs: [{ name: "n", value: "a|[b" }], want: "[n|a|[b]" },
    { name: "tokens as they are", pairs: [{ name: "t", value: "$year$" }], want: "[t|$year$]" },
  ];
  it.each(cases)("$name", ({ pairs, want }) => {
    expect(formatUserData(pairs)).toBe(want);
  });

  // The problem names the part to blame: the name or the value, whichever holds the character.
  const NAME = (name: string) => `name ${JSON.stringify(name)} contains "[", "]" or "|"`;
  const VALUE = (name: string) => `value of ${JSON.stringify(name)} contains "]"`;
  const unspellable: readonly { readonly name: string; readonly pair: Pair; readonly problem: string }[] = [
    { name: "empty name", pair: { name: "", value: "v" }, problem: "a name must not be empty" },
    { name: "empty name and ] in value", pair: { name: "", value: "x]" }, problem: "a name must not be empty" },
    { name: "[ in name", pair: { name: "a[b", value: "v" }, problem: NAME("a[b") },
    { name: "] in name", pair: { name: "a]", value: "v" }, problem: NAME("a]") },
    { name: "] opening the name", pair: { name: "]a", value: "v" }, problem: NAME("]a") },
    { name: "| in name", pair: { name: "a|b", value: "v" }, problem: NAME("a|b") },
    { name: "| ending the name", pair: { name: "ab|", value: "v" }, problem: NAME("ab|") },
    { name: "| in name, empty value", pair: { name: "a|b", value: "" }, problem: NAME("a|b") },
    { name: "] in value", pair: { name: "a", value: "x]" }, problem: VALUE("a") },
    { name: "] opening the value", pair: { name: "a", value: "]x" }, problem: VALUE("a") },
    { name: "] alone as the value", pair: { name: "abc", value: "]" }, problem: VALUE("abc") },
    { name: "] in name and value", pair: { name: "a]", value: "x]" }, problem: NAME("a]") },
    // `][` splits the text into two well-formed pairs: the first pair's name tells which part holds it.
    { name: "][ inside the name", pair: { name: "a|x][b", value: "v" }, problem: NAME("a|x][b") },
    { name: "][ inside the value", pair: { name: "a", value: "x][b|c" }, problem: VALUE("a") },
  ];
  it.each(unspellable)("blames the right part of a pair with $name", ({ pair, problem }) => {
    expect(pairProblem(pair)).toBe(problem);
    expect(() => formatUserData([{ name: "ok", value: "" }, pair])).toThrow(new RangeError(`formatUserData: ${problem}`));
  });

  it("has no problem with a spellable pair", () => {
    expect(pairProblem({ name: "ctl_callbackUrl", value: "https://x/|y" })).toBeUndefined();
  });
});

describe("system and user data", () => {
  it("splits by the ctl_ prefix, case-sensitively, keeping order", () => {
    const pairs: Pair[] = [
      { name: "a", value: "1" },
      { name: "ctl_callbackUrl", value: "u" },
      { name: "CTL_x", value: "2" },
      { name: "ctl_", value: "3" },
      { name: "ctl", value: "4" },
    ];
    expect(pairs.map(isSystemPair)).toEqual([false, true, false, true, false]);
    expect(splitPairs(pairs)).toEqual({
      system: [pairs[1], pairs[3]],
      user: [pairs[0], pairs[2], pairs[4]],
    });
  });
});

describe("describeExpectation: how each kind of expectation reads in a message", () => {
  const cases: readonly { readonly name: string; readonly given: Parameters<typeof describeExpectation>[0]; readonly want: string }[] = [
    { name: "a literal, quoted", given: { type: "literal", text: "|", ignoreCase: false }, want: '"|"' },
    { name: "the end", given: { type: "end" }, want: "end of input" },
    { name: "any character", given: { type: "any" }, want: "any character" },
    { name: "a named rule", given: { type: "other", description: "name" }, want: "name" },
    { name: "an inverted class, ] escaped", given: { type: "class", parts: ["]"], inverted: true, ignoreCase: false }, want: "[^\\]]" },
    {
      name: "a class with ranges, \\ ^ - escaped",
      given: { type: "class", parts: [["a", "z"], "\\", "^", "-", ["]", "^"]], inverted: false, ignoreCase: false },
      want: "[a-z\\\\\\^\\-\\]-\\^]",
    },
  ];
  it.each(cases)("$name → $want", ({ given, want }) => {
    expect(describeExpectation(given)).toBe(want);
  });
});

// How a configuration mistake is told: the problem's text, its place in the file (YAML or
// JSON, nested maps and lists), its order among others, and the odd names a path must quote.
import { describe, expect, it } from "vitest";
import {
  ConfigError,
  type ConfigProblem,
  formatProblem,
  jsonPath,
  loadConfigFile,
  parseConfigText,
  validateConfig,
} from "../src/config/load-config.js";
import { hashToken } from "../src/config/token-hash.js";

const HASH = hashToken("secret-token");

function problemsOf(run: () => unknown): readonly ConfigProblem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("formatProblem", () => {
  const cases: readonly { readonly name: string; readonly problem: ConfigProblem; readonly want: string }[] = [
    {
      name: "line and column",
      problem: { path: "$.tenants", rule: "type", message: "must be object", line: 3, column: 5 },
      want: "t.yaml:3:5: $.tenants: must be object (rule: type)",
    },
    {
      name: "line without column starts the line",
      problem: { path: "$.a", rule: "r", message: "m", line: 7 },
      want: "t.yaml:7:1: $.a: m (rule: r)",
    },
    { name: "no line: the file alone", problem: { path: "$", rule: "syntax", message: "m" }, want: "t.yaml: $: m (rule: syntax)" },
  ];
  it.each(cases)("$name", ({ problem, want }) => {
    expect(formatProblem("t.yaml", problem)).toBe(want);
  });
});

describe("ConfigError", () => {
  it("lists its problems in the file's order, those without a line last, each on its own line", () => {
    const error = new ConfigError("t.yaml", [
      { path: "$.c", rule: "r", message: "no line" },
      { path: "$.b", rule: "r", message: "line 4 col 9", line: 4, column: 9 },
      { path: "$.a", rule: "r", message: "line 4 col 2", line: 4, column: 2 },
      { path: "$.d", rule: "r", message: "line 2 no col", line: 2 },
      { path: "$.e", rule: "r", message: "line 4 no col", line: 4 },
    ]);
    expect(error.name).toBe("ConfigError");
    expect(error.file).toBe("t.yaml");
    expect(error.problems.map((p) => p.path)).toEqual(["$.d", "$.e", "$.a", "$.b", "$.c"]);
    expect(error.message).toBe(
      [
        "invalid configuration file t.yaml:",
        "  t.yaml:2:1: $.d: line 2 no col (rule: r)",
        "  t.yaml:4:1: $.e: line 4 no col (rule: r)",
        "  t.yaml:4:2: $.a: line 4 col 2 (rule: r)",
        "  t.yaml:4:9: $.b: line 4 col 9 (rule: r)",
        "  t.yaml: $.c: no line (rule: r)",
      ].join("\n"),
    );
  });
});

describe("jsonPath quotes what is no identifier", () => {
  it.each([
    { given: ["a_b", "$x", "_", "A9"], want: "$.a_b.$x._.A9" },
    { given: ["9a"], want: '$["9a"]' },
    { given: ["a-b"], want: '$["a-b"]' },
    { given: ["a.b"], want: '$["a.b"]' },
    { given: [""], want: '$[""]' },
    { given: ["ab\n"], want: '$["ab\\n"]' },
    { given: ["x", 0, 12], want: "$.x[0][12]" },
  ])("$want", ({ given, want }) => {
    expect(jsonPath(given)).toBe(want);
  });
});

describe("paths and places of schema problems", () => {
  it("a name holding / and ~ keeps them in the path (JSON Pointer escapes undone)", () => {
    const problems = problemsOf(() => validateConfig({ tenants: { "a/b~c": { tokens: [HASH], colour: 1 } } }, "t.json"));
    expect(problems).toEqual([expect.objectContaining({ path: '$.tenants["a/b~c"].colour', rule: "additionalProperties" })]);
  });

  it("a tenant named like a number is a name, while list positions are numbers", () => {
    const problems = problemsOf(() => validateConfig({ tenants: { "0": { tokens: ["x"] } } }, "t.json"));
    expect(problems).toEqual([expect.objectContaining({ path: '$.tenants["0"].tokens[0]', rule: "pattern" })]);
  });

  const yaml = `tenants:
  Acme:
    tokens:
      - ${HASH}
      - nope
    queues:
      "7":
        direction: both
    agents:
      a1:
        queues: ["7", 8]
        state: lost
`;
  it("places each problem at its key or list item, lines and columns counted from 1", () => {
    const problems = problemsOf(() => parseConfigText(yaml, "t.yaml"));
    expect(problems.map(({ path, line, column }) => ({ path, line, column }))).toEqual([
      { path: "$.tenants.Acme.tokens[1]", line: 5, column: 9 },
      { path: '$.tenants.Acme.queues["7"].direction', line: 8, column: 9 },
      { path: "$.tenants.Acme.agents.a1.state", line: 12, column: 9 },
    ]);
  });

  it("a missing setting is placed at the map that lacks it", () => {
    const problems = problemsOf(() => parseConfigText("tenants:\n  Acme:\n    queues:\n      q1: {}\n    tokens: []\n", "t.yaml"));
    expect(problems).toEqual([expect.objectContaining({ path: "$.tenants.Acme.queues.q1", rule: "required", line: 4, column: 7 })]);
  });

  it("a problem at the top of the file is placed at its first key", () => {
    const problems = problemsOf(() => parseConfigText("# header\nadminToken: x\n", "t.yaml"));
    expect(problems).toEqual(expect.arrayContaining([expect.objectContaining({ path: "$", rule: "required", line: 2, column: 1 })]));
  });

  it("a document that is not a map has no place to point at", () => {
    const problems = problemsOf(() => parseConfigText("just text\n", "t.yaml"));
    expect(problems).toEqual([{ path: "$", rule: "type", message: "must be object" }]);
  });

  it("without the text, or with text that does not parse, problems have no line", () => {
    const value = { tenants: { Acme: { tokens: "x" } } };
    const want = [{ path: "$.tenants.Acme.tokens", rule: "type", message: "must be array" }];
    expect(problemsOf(() => validateConfig(value, "t.json"))).toEqual(want);
    expect(problemsOf(() => validateConfig(value, "t.json", "{ not json"))).toEqual(want);
  });

  it("a JSON file's problems carry lines from its text", () => {
    const text = JSON.stringify({ tenants: { Acme: { tokens: [HASH, "x"] } } }, null, 2);
    expect(problemsOf(() => parseConfigText(text, "t.json"))).toEqual([
      expect.objectContaining({ path: "$.tenants.Acme.tokens[1]", line: 6, column: 9 }),
    ]);
  });

  it("a document that is a list is placed at its start", () => {
    expect(problemsOf(() => parseConfigText("- a\n- b\n", "t.yaml"))).toEqual([
      { path: "$", rule: "type", message: "must be object", line: 1, column: 1 },
    ]);
  });

  it("an alias in a list is placed where it stands, not where its anchor is", () => {
    const text = "tenants:\n  Acme:\n    tokens: [&plain nope]\n  Globex:\n    tokens:\n      - *plain\n";
    expect(problemsOf(() => parseConfigText(text, "t.yaml"))).toContainEqual(
      expect.objectContaining({ path: "$.tenants.Globex.tokens[0]", rule: "pattern", line: 6, column: 9 }),
    );
  });

  it.each([
    { name: "a list item past the text's list", text: `tenants:\n  Acme:\n    tokens:\n      - ${HASH}\n` },
    { name: "a list where the text has a scalar", text: "tenants:\n  Acme:\n    tokens: nope\n" },
  ])("$name is placed at the key of the list", ({ text }) => {
    const problems = problemsOf(() => validateConfig({ tenants: { Acme: { tokens: [HASH, "x"] } } }, "t.yaml", text));
    expect(problems).toEqual([expect.objectContaining({ path: "$.tenants.Acme.tokens[1]", line: 3, column: 5 })]);
  });

  it("a path deeper than the text goes is placed at the deepest node found", () => {
    // The YAML text and the checked value disagree: the locator stops where the text ends.
    const problems = problemsOf(() => validateConfig({ tenants: { Acme: { tokens: [HASH, "x"] } } }, "t.yaml", "tenants:\n  Acme: {}\n"));
    expect(problems).toEqual([expect.objectContaining({ path: "$.tenants.Acme.tokens[1]", line: 2, column: 3 })]);
  });
});

describe("problems across settings", () => {
  const cases: readonly { readonly name: string; readonly tenant: Record<string, unknown>; readonly want: ConfigProblem }[] = [
    {
      name: "an unknown time zone",
      tenant: { timeZone: "Mars/Olympus" },
      want: {
        path: "$.tenants.T.timeZone",
        rule: "timeZone",
        message: '"Mars/Olympus" is not an IANA time zone this runtime knows',
      },
    },
    {
      name: "an agent's queue the tenant lacks",
      tenant: { queues: { "1": { direction: "outbound" } }, agents: { a: { queues: ["1", "2"] } } },
      want: { path: "$.tenants.T.agents.a.queues[1]", rule: "reference", message: `queue "2" is not one of the tenant's queues` },
    },
    {
      name: "an agent's queue when the tenant has none",
      tenant: { agents: { a: { queues: ["toString"] } } },
      want: { path: "$.tenants.T.agents.a.queues[0]", rule: "reference", message: `queue "toString" is not one of the tenant's queues` },
    },
    {
      name: "a default dial plan when the tenant has none",
      tenant: { defaultDialPlan: "1" },
      want: { path: "$.tenants.T.defaultDialPlan", rule: "reference", message: `dial plan "1" is not one of the tenant's dialPlans` },
    },
    {
      name: "a back origin the parser would rewrite",
      tenant: { allowedBackOrigins: ["http://a.example", "https://a.example:443"] },
      want: {
        path: "$.tenants.T.allowedBackOrigins[1]",
        rule: "origin",
        message: '"https://a.example:443" is not an origin like http://www.example.com or http://localhost:*',
      },
    },
  ];
  it.each(cases)("$name", ({ tenant, want }) => {
    expect(problemsOf(() => validateConfig({ tenants: { T: { tokens: [], ...tenant } } }, "t.json"))).toEqual([want]);
  });

  it("settings that refer to what exists pass", () => {
    const tenant = {
      tokens: [],
      timeZone: "Asia/Kolkata",
      queues: { "1": { direction: "outbound" } },
      agents: { a: { queues: ["1"] } },
      dialPlans: { "3": { rules: [] } },
      defaultDialPlan: "3",
    };
    expect(() => validateConfig({ tenants: { T: tenant } }, "t.json")).not.toThrow();
  });
});

describe("files that do not parse", () => {
  it("JSON: one syntax problem quoting the parser", () => {
    const problems = problemsOf(() => parseConfigText("{", "T.JSON"));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: "$", rule: "syntax" });
    expect(problems[0]?.message).toMatch(/^not valid JSON: ./);
  });

  it("YAML: each error on its line, the position not repeated in the message", () => {
    const problems = problemsOf(() => parseConfigText("tenants:\n  Acme: {\n", "t.yml"));
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) {
      expect(problem).toMatchObject({ path: "$", rule: "syntax", line: expect.any(Number), column: expect.any(Number) });
      expect(problem.message).toMatch(/^not valid YAML: ./);
      expect(problem.message).not.toMatch(/at line \d+, column \d+/);
    }
  });

  it.each([
    {
      name: "a repeated key",
      text: "tenants: {}\ntenants: {}\n",
      want: { message: "not valid YAML: Map keys must be unique", line: 2, column: 1 },
    },
    {
      name: "a mistake far down and to the right",
      text: `tenants:${"\n".repeat(11)}          a: b: c\n`,
      want: { message: "not valid YAML: Nested mappings are not allowed in compact mappings", line: 12, column: 14 },
    },
  ])("YAML: $name is told in the parser's words at its line and column", ({ text, want }) => {
    expect(problemsOf(() => parseConfigText(text, "t.yaml"))).toEqual([{ path: "$", rule: "syntax", ...want }]);
  });

  it("a file of another extension is read as YAML, which also reads JSON", () => {
    expect(parseConfigText(`{"tenants": {"T": {"tokens": ["${HASH}"]}}}`, "tenants.conf").tenants.T?.tokens).toEqual([HASH]);
  });

  it("an unreadable file says why", async () => {
    const problems = await loadConfigFile("/nonexistent/t.yaml").then(
      () => [],
      (error: ConfigError) => error.problems,
    );
    expect(problems).toEqual([{ path: "$", rule: "readable", message: expect.stringMatching(/^cannot read the file: .*ENOENT/) }]);
  });
});

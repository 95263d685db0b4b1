// @ts-nocheck
// Configuration files: what passes, and that every mistake is named by file, line, path and rule.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigDirectory } from "../src/config/config-directory.js";
import { DEMO_TOKENS, demoConfig, demoDirectory } from "../src/config/demo-directory.js";
import { ConfigError, type ConfigProblem, jsonPath, loadConfigFile, parseConfigText, validateConfig } from "../src/config/load-config.js";
import { hashToken } from "../src/config/token-hash.js";

const HASH = hashToken("secret-token");

/** A valid YAML file; each case breaks one line of it. */
const GOOD = `# a tenant directory
adminToken: ${hashToken("admin")}
tenants:
  Acme:
    enabled: true
    tokens:
      - ${HASH}
    timeZone: America/Los_Angeles
    defaultCallerId: 18006660000
    channels:
      18006661212: { ivrScript: Acme main menu }
    queues:
      103: { direction: outbound }
    agents:
      agent-1: { queues: [103], state: available, autoAccept: true }
    dialPlans:
      1: { rules: [{ length: 10, prepend: "1" }] }
    allowedBackOrigins: [http://www.acmejet.com, "http://localhost:*"]
    rateLimit:
      perPhone: { limit: 5, windowSeconds: 60 }
`;

function problemsOf(text: string, file = "tenants.yaml"): readonly ConfigProblem[] {
  try {
    parseConfigText(text, file);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

describe("a valid file", () => {
  it("parses, with numbers where ids are expected read as the ids they spell", () => {
    const config = parseConfigText(GOOD, "tenants.yaml");
    const acme = config.tenants.Acme;
    expect(acme?.defaultCallerId).toBe("18006660000");
    expect(Object.keys(acme?.queues ?? {})).toEqual(["103"]);
    expect(acme?.agents?.["agent-1"]?.queues).toEqual(["103"]);
  });

  it("reads JSON as well", () => {
    const json = JSON.stringify({ tenants: { Acme: { tokens: [HASH], queues: { "103": { direction: "outbound" } } } } });
    expect(parseConfigText(json, "tenants.json").tenants.Acme?.tokens).toEqual([HASH]);
  });

  it("the built-in demo directory passes the same schema", () => {
    expect(() => validateConfig(demoConfig(), "demo")).not.toThrow();
  });
});

describe("a file with a mistake names the path and the rule", () => {
  interface Case {
    readonly name: string;
    readonly from: string;
    readonly to: string;
    readonly want: { readonly path: string; readonly rule: string; readonly line?: number; readonly message?: RegExp };
  }
  const cases: readonly Case[] = [
    {
      name: "a plain token instead of its hash",
      from: `- ${HASH}`,
      to: "- fb65d0515b9631c6db72e7e66fe6df49",
      want: { path: "$.tenants.Acme.tokens[0]", rule: "pattern", line: 7, message: /webcallback tokens hash/ },
    },
    {
      name: "a misspelt setting",
      from: "enabled: true",
      to: "enabeld: true",
      want: { path: "$.tenants.Acme.enabeld", rule: "additionalProperties", line: 5 },
    },
    {
      name: "a queue direction that does not exist",
      from: "direction: outbound",
      to: "direction: both",
      want: { path: '$.tenants.Acme.queues["103"].direction', rule: "enum", line: 13, message: /"outbound", "inbound"/ },
    },
    {
      name: "a tenant without tokens",
      from: `    tokens:\n      - ${HASH}\n`,
      to: "",
      want: { path: "$.tenants.Acme", rule: "required", message: /"tokens"/ },
    },
    {
      name: "an agent serving a queue the tenant does not have",
      from: "queues: [103]",
      to: "queues: [999]",
      want: { path: '$.tenants.Acme.agents["agent-1"].queues[0]', rule: "reference", line: 15 },
    },
    {
      name: "an unknown time zone",
      from: "America/Los_Angeles",
      to: "America/Springfield",
      want: { path: "$.tenants.Acme.timeZone", rule: "timeZone", line: 8 },
    },
    {
      name: "a back origin with a path",
      from: "http://www.acmejet.com,",
      to: "http://www.acmejet.com/ctdresult.php,",
      want: { path: "$.tenants.Acme.allowedBackOrigins[0]", rule: "pattern", line: 18 },
    },
    {
      name: "a back origin with a port and a port wildcard",
      from: '"http://localhost:*"',
      to: '"http://localhost:80:*"',
      want: { path: "$.tenants.Acme.allowedBackOrigins[1]", rule: "origin" },
    },
    {
      name: "a rate limit of zero",
      from: "limit: 5",
      to: "limit: 0",
      want: { path: "$.tenants.Acme.rateLimit.perPhone.limit", rule: "minimum", line: 20 },
    },
    {
      name: "a channel number that is not digits",
      from: "18006661212: { ivrScript",
      to: "main-line: { ivrScript",
      want: { path: '$.tenants.Acme.channels["main-line"]', rule: "pattern", line: 11 },
    },
    {
      name: "a default dial plan that is not defined",
      from: "    dialPlans:",
      to: '    defaultDialPlan: "7"\n    dialPlans:',
      want: { path: "$.tenants.Acme.defaultDialPlan", rule: "reference", line: 16 },
    },
    {
      name: "an admin token in clear",
      from: `adminToken: ${hashToken("admin")}`,
      to: "adminToken: demo-admin-token",
      want: { path: "$.adminToken", rule: "pattern", line: 2 },
    },
    {
      name: "broken YAML",
      from: "    queues:\n      103: { direction: outbound }",
      to: "    queues:\n      103: { direction: outbound",
      want: { path: "$", rule: "syntax" },
    },
    {
      name: "the same tenant twice",
      from: "tenants:\n  Acme:",
      to: "tenants:\n  Acme: { tokens: [] }\n  Acme:",
      want: { path: "$", rule: "syntax", message: /unique/ },
    },
  ];

  it.each(cases)("$name", ({ from, to, want }) => {
    expect(GOOD).toContain(from);
    const problems = problemsOf(GOOD.replace(from, to));
    const problem = problems.find((p) => p.path === want.path && p.rule === want.rule);
    expect(problem, JSON.stringify(problems, null, 2)).toBeDefined();
    if (want.line !== undefined) expect(problem?.line).toBe(want.line);
    if (want.message !== undefined) expect(problem?.message).toMatch(want.message);
  });

  it("reports every mistake at once, not only the first", () => {
    const text = GOOD.replace("enabled: true", "enabled: maybe").replace("direction: outbound", "direction: both");
    expect(problemsOf(text).map((p) => p.path)).toEqual(
      expect.arrayContaining(["$.tenants.Acme.enabled", '$.tenants.Acme.queues["103"].direction']),
    );
  });

  it("an empty directory is refused", () => {
    expect(problemsOf("tenants: {}\n")).toEqual([expect.objectContaining({ path: "$.tenants", rule: "minProperties" })]);
  });

  it("JSON mistakes carry a line too", () => {
    const json = JSON.stringify({ tenants: { Acme: { tokens: [HASH], queues: { "103": { direction: "sideways" } } } } }, null, 2);
    const [problem] = problemsOf(json, "tenants.json");
    expect(problem).toMatchObject({ path: '$.tenants.Acme.queues["103"].direction', rule: "enum", line: 9 });
  });

  it("broken JSON is a syntax problem", () => {
    expect(problemsOf('{"tenants": {', "tenants.json")).toEqual([expect.objectContaining({ path: "$", rule: "syntax" })]);
  });
});

describe("the example file shipped with the package", () => {
  it("loads, and its tokens are the ones its comment names", async () => {
    const config = await loadConfigFile(fileURLToPath(new URL("../examples/tenants.yaml", import.meta.url)));
    const directory = new ConfigDirectory(config);
    const example = directory.tenant("Example");
    expect(example?.tokenMatches("example-token-please-change")).toBe(true);
    expect(example?.tokenMatches("example-rotated-token")).toBe(true);
    expect(directory.adminTokenMatches("example-admin-token")).toBe(true);
    expect(example?.dialPlanRules(undefined)).toEqual([{ startsWith: "0", strip: 1, prepend: "44" }]);
  });
});

describe("loadConfigFile", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("names the file, the line, the path and the rule in its message", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wc-config-"));
    dirs.push(dir);
    const file = join(dir, "tenants.yaml");
    await writeFile(file, GOOD.replace("direction: outbound", "direction: both"));
    const error = await loadConfigFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`${file}:13:`);
    expect((error as Error).message).toContain('$.tenants.Acme.queues["103"].direction');
    expect((error as Error).message).toContain("(rule: enum)");
  });

  it("a missing file is a problem of its own", async () => {
    const error = await loadConfigFile("/nonexistent/tenants.yaml").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems[0]?.rule).toBe("readable");
  });
});

describe("jsonPath", () => {
  it.each([
    { given: [], want: "$" },
    { given: ["tenants", "Acme", "tokens", 0], want: "$.tenants.Acme.tokens[0]" },
    { given: ["queues", "103"], want: '$.queues["103"]' },
    { given: ["tenants", "my tenant"], want: '$.tenants["my tenant"]' },
  ])("$want", ({ given, want }) => {
    expect(jsonPath(given)).toBe(want);
  });
});

describe("the directory built from a configuration", () => {
  const directory = new ConfigDirectory(demoConfig());

  it("holds the demo tenants of CONTRACT.md section 8", () => {
    const acme = directory.tenant("Acme");
    expect(acme).toMatchObject({
      enabled: true,
      webCallbackEnabled: true,
      timeZone: "America/Los_Angeles",
      defaultCallerId: "18006660000",
    });
    expect(acme?.channel("18006661212")).toEqual({ number: "18006661212", ivrScript: "Acme main menu" });
    expect(acme?.channel("18006664444")).toEqual({ number: "18006664444" });
    expect(acme?.queue("103")).toEqual({ id: "103", enabled: true, direction: "outbound" });
    expect(acme?.queue("104")).toEqual({ id: "104", enabled: false, direction: "outbound" });
    expect(acme?.queue("105")).toEqual({ id: "105", enabled: true, direction: "inbound" });
    expect(acme?.hasDialPlan("1")).toBe(true);
    expect(acme?.dialPlanRules(undefined)).toBeUndefined();
    expect(acme?.agents).toEqual([{ id: "agent-1", queues: ["103"], state: "available", autoAccept: true }]);
    expect(acme?.webhookSecret).toBe("demo-webhook-secret");
    expect(acme?.rateLimit).toBeUndefined();
    expect(directory.tenant("Globex")).toMatchObject({ enabled: true, webCallbackEnabled: false });
    expect(directory.tenant("Initech")).toMatchObject({ enabled: false });
    expect(directory.tenant("acme")).toBeUndefined();
    expect(directory.tenant("__proto__")).toBeUndefined();
  });

  it("matches the demo tokens and the admin token, and nothing else", () => {
    expect(directory.tenant("Acme")?.tokenMatches(DEMO_TOKENS.Acme)).toBe(true);
    expect(directory.tenant("Acme")?.tokenMatches(DEMO_TOKENS.Globex)).toBe(false);
    expect(directory.tenant("Acme")?.tokenMatches("")).toBe(false);
    expect(directory.adminTokenMatches(DEMO_TOKENS.admin)).toBe(true);
    expect(directory.adminTokenMatches(DEMO_TOKENS.Acme)).toBe(false);
  });

  it("the demo directory compares its public tokens as plain text, with the same results", () => {
    const demo = demoDirectory();
    for (const [tenant, token] of [
      ["Acme", DEMO_TOKENS.Acme],
      ["Globex", DEMO_TOKENS.Globex],
      ["Initech", DEMO_TOKENS.Initech],
    ] as const) {
      expect(demo.tenant(tenant)?.tokenMatches(token)).toBe(true);
      expect(demo.tenant(tenant)?.tokenMatches(`${token}x`)).toBe(false);
      expect(demo.tenant(tenant)?.tokenMatches(token.slice(0, -1))).toBe(false);
    }
    expect(demo.tenant("Acme")?.tokenMatches(DEMO_TOKENS.Globex)).toBe(false);
    expect(demo.adminTokenMatches(DEMO_TOKENS.admin)).toBe(true);
  });

  it("accepts each of several active tokens (rotation)", () => {
    const rotating = new ConfigDirectory({ tenants: { T: { tokens: [hashToken("old"), hashToken("new")] } } });
    const tenant = rotating.tenant("T");
    expect(["old", "new", "other"].map((token) => tenant?.tokenMatches(token))).toEqual([true, true, false]);
  });

  it("gathers every tenant's back origins for CORS", () => {
    expect(directory.allBackOrigins).toEqual(["http://www.acmejet.com", "http://localhost:*", "http://127.0.0.1:*"]);
  });
});

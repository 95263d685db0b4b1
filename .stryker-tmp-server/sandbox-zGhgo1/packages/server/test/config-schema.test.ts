// @ts-nocheck
// Every rule of the configuration schema, one case each: a valid file with one setting
// broken must be refused at that setting's path, by that rule, with the hint the schema gives.
import { describe, expect, it } from "vitest";
import { ConfigError, type ConfigProblem, validateConfig } from "../src/config/load-config.js";
import type { ConfigFile } from "../src/config/schema.js";
import { hashToken } from "../src/config/token-hash.js";

const HASH = hashToken("secret-token");

/** A file that uses every setting the schema knows, each with a valid value. */
function full(): Record<string, unknown> {
  return {
    $schema: "./config.schema.json",
    adminToken: hashToken("admin"),
    webhooks: { retryForSeconds: 60, timeoutSeconds: 300 },
    tenants: {
      Acme: {
        enabled: true,
        webCallbackEnabled: false,
        tokens: [HASH, hashToken("next")],
        timeZone: "Europe/London",
        defaultCallerId: "18006660000",
        channels: { "18006661212": { ivrScript: "Main menu" }, "18006664444": {} },
        queues: { "103": { enabled: false, direction: "outbound" }, "q_1.a-b": { direction: "inbound" } },
        agents: {
          "agent-1": { queues: ["103"], state: "offline", autoAccept: true, phone: "15550001111", callerId: "15550002222" },
        },
        dialPlans: { "1": { rules: [{ length: 15, startsWith: "0", strip: 0, prepend: "44" }, {}] } },
        defaultDialPlan: "1",
        webhookSecret: "s",
        allowedBackOrigins: ["https://www.example.com", "http://localhost:*"],
        allowedCallbackHosts: ["hooks.example.com", "*.example.net", "[fd00::1]", "10.0.0.1"],
        allowPrivateCallbackHosts: true,
        rateLimit: { perPhone: { limit: 1, windowSeconds: 86_400 }, perClient: { limit: 30, windowSeconds: 1 } },
      },
    },
  };
}

type Path = readonly (string | number)[];

/** `full()` with the value at `path` replaced, or removed when `value` is undefined. */
function withChange(path: Path, value: unknown): Record<string, unknown> {
  const config = full();
  let node = config as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return config;
}

function problemsOf(value: unknown): readonly ConfigProblem[] {
  try {
    validateConfig(value, "tenants.json");
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("the configuration was accepted");
}

const A = ["tenants", "Acme"] as const;

describe("the full file", () => {
  it("passes, every setting used", () => {
    const config: ConfigFile = validateConfig(full(), "tenants.json");
    expect(config.tenants.Acme?.dialPlans?.["1"]?.rules).toHaveLength(2);
  });
});

describe("each schema rule refuses what it forbids", () => {
  interface Case {
    readonly name: string;
    readonly at: Path;
    readonly value: unknown;
    readonly want: { readonly path: string; readonly rule: string; readonly message?: string };
  }
  const cases: readonly Case[] = [
    // The file
    { name: "an unknown top-level setting", at: ["colour"], value: "blue", want: { path: "$.colour", rule: "additionalProperties" } },
    {
      name: "no tenants",
      at: ["tenants"],
      value: undefined,
      want: { path: "$", rule: "required", message: 'must have the setting "tenants"' },
    },
    { name: "$schema not a string", at: ["$schema"], value: {}, want: { path: "$.$schema", rule: "type" } },
    { name: "webhooks not an object", at: ["webhooks"], value: [], want: { path: "$.webhooks", rule: "type" } },
    {
      name: "an unknown webhooks setting",
      at: ["webhooks", "retries"],
      value: 3,
      want: { path: "$.webhooks.retries", rule: "additionalProperties" },
    },
    {
      name: "retryForSeconds under a minute",
      at: ["webhooks", "retryForSeconds"],
      value: 59,
      want: { path: "$.webhooks.retryForSeconds", rule: "minimum" },
    },
    {
      name: "retryForSeconds a fraction",
      at: ["webhooks", "retryForSeconds"],
      value: 60.5,
      want: { path: "$.webhooks.retryForSeconds", rule: "type" },
    },
    {
      name: "timeoutSeconds zero",
      at: ["webhooks", "timeoutSeconds"],
      value: 0,
      want: { path: "$.webhooks.timeoutSeconds", rule: "minimum" },
    },
    {
      name: "timeoutSeconds over 300",
      at: ["webhooks", "timeoutSeconds"],
      value: 301,
      want: { path: "$.webhooks.timeoutSeconds", rule: "maximum" },
    },
    { name: "tenants not an object", at: ["tenants"], value: [], want: { path: "$.tenants", rule: "type" } },
    {
      name: "a tenant name with surrounding space",
      at: ["tenants", " Acme"],
      value: { tokens: [HASH] },
      want: {
        path: '$.tenants[" Acme"]',
        rule: "pattern",
        message: 'the name " Acme" must match pattern "^\\S(.*\\S)?$" (a tenant name has no surrounding white space)',
      },
    },
    // A tenant
    { name: "a tenant that is not an object", at: A, value: "Acme", want: { path: "$.tenants.Acme", rule: "type" } },
    { name: "enabled not a boolean", at: [...A, "enabled"], value: "maybe", want: { path: "$.tenants.Acme.enabled", rule: "type" } },
    {
      name: "webCallbackEnabled not a boolean",
      at: [...A, "webCallbackEnabled"],
      value: "maybe",
      want: { path: "$.tenants.Acme.webCallbackEnabled", rule: "type" },
    },
    {
      name: "tokens not a list",
      at: [...A, "tokens"],
      value: HASH.replace("sha256:", "x"),
      want: { path: "$.tenants.Acme.tokens", rule: "type" },
    },
    {
      name: "the same token twice",
      at: [...A, "tokens"],
      value: [HASH, HASH],
      want: { path: "$.tenants.Acme.tokens", rule: "uniqueItems" },
    },
    {
      name: "a token hash in upper case",
      at: [...A, "tokens", 0],
      value: HASH.toUpperCase(),
      want: {
        path: "$.tenants.Acme.tokens[0]",
        rule: "pattern",
        message:
          'must match pattern "^sha256:[0-9a-f]{64}$" (tokens are stored as their hash; `webcallback tokens hash` prints the text to paste)',
      },
    },
    {
      name: "an empty time zone",
      at: [...A, "timeZone"],
      value: "",
      want: {
        path: "$.tenants.Acme.timeZone",
        rule: "minLength",
        message: "must NOT have fewer than 1 characters (an IANA time zone such as America/Los_Angeles)",
      },
    },
    {
      name: "a caller id with a plus",
      at: [...A, "defaultCallerId"],
      value: "+1800",
      want: { path: "$.tenants.Acme.defaultCallerId", rule: "pattern" },
    },
    { name: "channels not an object", at: [...A, "channels"], value: [], want: { path: "$.tenants.Acme.channels", rule: "type" } },
    {
      name: "a channel number with a dash",
      at: [...A, "channels", "1800-666"],
      value: {},
      want: {
        path: '$.tenants.Acme.channels["1800-666"]',
        rule: "pattern",
        message: 'the name "1800-666" must match pattern "^[0-9]+$" (a channel number is digits)',
      },
    },
    {
      name: "an unknown channel setting",
      at: [...A, "channels", "18006664444", "script"],
      value: "x",
      want: { path: '$.tenants.Acme.channels["18006664444"].script', rule: "additionalProperties", message: "is not a known setting" },
    },
    {
      name: "an empty IVR script",
      at: [...A, "channels", "18006664444", "ivrScript"],
      value: "",
      want: { path: '$.tenants.Acme.channels["18006664444"].ivrScript', rule: "minLength" },
    },
    { name: "queues not an object", at: [...A, "queues"], value: [], want: { path: "$.tenants.Acme.queues", rule: "type" } },
    {
      name: "a queue id with a space",
      at: [...A, "queues", "a b"],
      value: { direction: "outbound" },
      want: { path: '$.tenants.Acme.queues["a b"]', rule: "pattern" },
    },
    {
      name: "an unknown queue setting",
      at: [...A, "queues", "103", "priority"],
      value: 1,
      want: { path: '$.tenants.Acme.queues["103"].priority', rule: "additionalProperties" },
    },
    {
      name: "a queue without direction",
      at: [...A, "queues", "103", "direction"],
      value: undefined,
      want: { path: '$.tenants.Acme.queues["103"]', rule: "required", message: 'must have the setting "direction"' },
    },
    {
      name: "a queue enabled that is not a boolean",
      at: [...A, "queues", "103", "enabled"],
      value: "maybe",
      want: { path: '$.tenants.Acme.queues["103"].enabled', rule: "type" },
    },
    {
      name: "a queue direction that does not exist",
      at: [...A, "queues", "103", "direction"],
      value: "both",
      want: { path: '$.tenants.Acme.queues["103"].direction', rule: "enum", message: 'must be one of "outbound", "inbound"' },
    },
    { name: "agents not an object", at: [...A, "agents"], value: [], want: { path: "$.tenants.Acme.agents", rule: "type" } },
    {
      name: "an agent id with a slash",
      at: [...A, "agents", "a/b"],
      value: { queues: [] },
      want: { path: '$.tenants.Acme.agents["a/b"]', rule: "pattern" },
    },
    {
      name: "an unknown agent setting",
      at: [...A, "agents", "agent-1", "skills"],
      value: [],
      want: { path: '$.tenants.Acme.agents["agent-1"].skills', rule: "additionalProperties" },
    },
    {
      name: "an agent without queues",
      at: [...A, "agents", "agent-1", "queues"],
      value: undefined,
      want: { path: '$.tenants.Acme.agents["agent-1"]', rule: "required" },
    },
    {
      name: "an agent serving a queue twice",
      at: [...A, "agents", "agent-1", "queues"],
      value: ["103", "103"],
      want: { path: '$.tenants.Acme.agents["agent-1"].queues', rule: "uniqueItems" },
    },
    {
      name: "an agent's empty queue id",
      at: [...A, "agents", "agent-1", "queues"],
      value: [""],
      want: { path: '$.tenants.Acme.agents["agent-1"].queues[0]', rule: "minLength" },
    },
    {
      name: "an agent state that does not exist",
      at: [...A, "agents", "agent-1", "state"],
      value: "busy",
      want: { path: '$.tenants.Acme.agents["agent-1"].state', rule: "enum", message: 'must be one of "available", "offline"' },
    },
    {
      name: "autoAccept not a boolean",
      at: [...A, "agents", "agent-1", "autoAccept"],
      value: "maybe",
      want: { path: '$.tenants.Acme.agents["agent-1"].autoAccept', rule: "type" },
    },
    {
      name: "an agent phone with letters",
      at: [...A, "agents", "agent-1", "phone"],
      value: "555-CALL",
      want: { path: '$.tenants.Acme.agents["agent-1"].phone', rule: "pattern" },
    },
    {
      name: "an agent caller id with letters",
      at: [...A, "agents", "agent-1", "callerId"],
      value: "x1",
      want: { path: '$.tenants.Acme.agents["agent-1"].callerId', rule: "pattern" },
    },
    { name: "dialPlans not an object", at: [...A, "dialPlans"], value: [], want: { path: "$.tenants.Acme.dialPlans", rule: "type" } },
    {
      name: "a dial plan id with letters",
      at: [...A, "dialPlans", "uk"],
      value: { rules: [] },
      want: {
        path: "$.tenants.Acme.dialPlans.uk",
        rule: "pattern",
        message: 'the name "uk" must match pattern "^[0-9]+$" (a dial plan id, as dialplan_id would name it)',
      },
    },
    {
      name: "an unknown dial plan setting",
      at: [...A, "dialPlans", "1", "name"],
      value: "UK",
      want: { path: '$.tenants.Acme.dialPlans["1"].name', rule: "additionalProperties" },
    },
    {
      name: "a dial plan without rules",
      at: [...A, "dialPlans", "1", "rules"],
      value: undefined,
      want: { path: '$.tenants.Acme.dialPlans["1"]', rule: "required" },
    },
    {
      name: "dial plan rules not a list",
      at: [...A, "dialPlans", "1", "rules"],
      value: {},
      want: { path: '$.tenants.Acme.dialPlans["1"].rules', rule: "type" },
    },
    {
      name: "an unknown dial rule setting",
      at: [...A, "dialPlans", "1", "rules", 1, "append"],
      value: "9",
      want: { path: '$.tenants.Acme.dialPlans["1"].rules[1].append', rule: "additionalProperties" },
    },
    {
      name: "a dial rule for numbers of no digits",
      at: [...A, "dialPlans", "1", "rules", 0, "length"],
      value: 0,
      want: { path: '$.tenants.Acme.dialPlans["1"].rules[0].length', rule: "minimum" },
    },
    {
      name: "a dial rule for numbers over 15 digits",
      at: [...A, "dialPlans", "1", "rules", 0, "length"],
      value: 16,
      want: { path: '$.tenants.Acme.dialPlans["1"].rules[0].length', rule: "maximum" },
    },
    {
      name: "a dial rule starting with a plus",
      at: [...A, "dialPlans", "1", "rules", 0, "startsWith"],
      value: "+44",
      want: { path: '$.tenants.Acme.dialPlans["1"].rules[0].startsWith', rule: "pattern" },
    },
    {
      name: "a dial rule stripping a negative count",
      at: [...A, "dialPlans", "1", "rules", 0, "strip"],
      value: -1,
      want: { path: '$.tenants.Acme.dialPlans["1"].rules[0].strip', rule: "minimum" },
    },
    {
      name: "a dial rule stripping over 15",
      at: [...A, "dialPlans", "1", "rules", 0, "strip"],
      value: 16,
      want: { path: '$.tenants.Acme.dialPlans["1"].rules[0].strip', rule: "maximum" },
    },
    {
      name: "a dial rule prepending a plus",
      at: [...A, "dialPlans", "1", "rules", 0, "prepend"],
      value: "+44",
      want: { path: '$.tenants.Acme.dialPlans["1"].rules[0].prepend', rule: "pattern" },
    },
    {
      name: "a default dial plan with letters",
      at: [...A, "defaultDialPlan"],
      value: "uk",
      want: { path: "$.tenants.Acme.defaultDialPlan", rule: "pattern" },
    },
    {
      name: "an empty webhook secret",
      at: [...A, "webhookSecret"],
      value: "",
      want: { path: "$.tenants.Acme.webhookSecret", rule: "minLength" },
    },
    {
      name: "the same back origin twice",
      at: [...A, "allowedBackOrigins"],
      value: ["http://localhost:*", "http://localhost:*"],
      want: { path: "$.tenants.Acme.allowedBackOrigins", rule: "uniqueItems" },
    },
    {
      name: "a back origin with a path",
      at: [...A, "allowedBackOrigins", 0],
      value: "https://www.example.com/done",
      want: {
        path: "$.tenants.Acme.allowedBackOrigins[0]",
        rule: "pattern",
        message: expect.stringMatching(/\(an origin: scheme, host and optional port \(`:\*` for any port\), nothing after\)$/),
      },
    },
    {
      name: "the same callback host twice",
      at: [...A, "allowedCallbackHosts"],
      value: ["hooks.example.com", "hooks.example.com"],
      want: { path: "$.tenants.Acme.allowedCallbackHosts", rule: "uniqueItems" },
    },
    {
      name: "a callback host with a path",
      at: [...A, "allowedCallbackHosts", 0],
      value: "hooks.example.com/cb",
      want: {
        path: "$.tenants.Acme.allowedCallbackHosts[0]",
        rule: "pattern",
        message: expect.stringMatching(/\(a host name, \*\.example\.com, or \[IPv6\]\)$/),
      },
    },
    {
      name: "a callback host with a port",
      at: [...A, "allowedCallbackHosts", 0],
      value: "hooks.example.com:8443",
      want: { path: "$.tenants.Acme.allowedCallbackHosts[0]", rule: "pattern" },
    },
    {
      name: "a callback host with user info",
      at: [...A, "allowedCallbackHosts", 0],
      value: "me@hooks.example.com",
      want: { path: "$.tenants.Acme.allowedCallbackHosts[0]", rule: "pattern" },
    },
    {
      name: "an IPv6 callback host without its closing bracket",
      at: [...A, "allowedCallbackHosts", 0],
      value: "[fd00::1",
      want: { path: "$.tenants.Acme.allowedCallbackHosts[0]", rule: "pattern" },
    },
    {
      name: "allowPrivateCallbackHosts not a boolean",
      at: [...A, "allowPrivateCallbackHosts"],
      value: "maybe",
      want: { path: "$.tenants.Acme.allowPrivateCallbackHosts", rule: "type" },
    },
    {
      name: "an unknown rate limit",
      at: [...A, "rateLimit", "perTenant"],
      value: { limit: 1, windowSeconds: 1 },
      want: { path: "$.tenants.Acme.rateLimit.perTenant", rule: "additionalProperties" },
    },
    {
      name: "an unknown rate window setting",
      at: [...A, "rateLimit", "perClient", "burst"],
      value: 2,
      want: { path: "$.tenants.Acme.rateLimit.perClient.burst", rule: "additionalProperties" },
    },
    {
      name: "a rate window without limit",
      at: [...A, "rateLimit", "perClient", "limit"],
      value: undefined,
      want: { path: "$.tenants.Acme.rateLimit.perClient", rule: "required", message: 'must have the setting "limit"' },
    },
    {
      name: "a rate window without length",
      at: [...A, "rateLimit", "perPhone", "windowSeconds"],
      value: undefined,
      want: { path: "$.tenants.Acme.rateLimit.perPhone", rule: "required", message: 'must have the setting "windowSeconds"' },
    },
    {
      name: "a rate window longer than a day",
      at: [...A, "rateLimit", "perPhone", "windowSeconds"],
      value: 86_401,
      want: { path: "$.tenants.Acme.rateLimit.perPhone.windowSeconds", rule: "maximum" },
    },
    {
      name: "a rate window of no time",
      at: [...A, "rateLimit", "perClient", "windowSeconds"],
      value: 0,
      want: { path: "$.tenants.Acme.rateLimit.perClient.windowSeconds", rule: "minimum" },
    },
  ];

  it.each(cases)("$name", ({ at, value, want }) => {
    const problems = problemsOf(withChange(at, value));
    expect(problems).toEqual([expect.objectContaining(want)]);
  });
});

describe("settings the schema allows to be left out", () => {
  it("a tenant needs only its tokens, and numbers spelled as strings are read as they are written", () => {
    const config = validateConfig({ tenants: { T: { tokens: [] } } }, "tenants.json");
    expect(config).toEqual({ tenants: { T: { tokens: [] } } });
  });
});

// The directory built from a configuration: the defaults of settings left out, token and
// dial-plan lookups, and the demo directory setting for setting as CONTRACT.md section 8 lists it.
import { describe, expect, it } from "vitest";
import { ConfigDirectory, ConfigTenant } from "../src/config/config-directory.js";
import { DEMO_TOKENS, demoConfig, demoDirectory } from "../src/config/demo-directory.js";
import { applyDialPlan } from "../src/config/dial-plan.js";
import { hashToken } from "../src/config/token-hash.js";

describe("a tenant with only its tokens gets the documented defaults", () => {
  // Built inside each test, so the construction runs under the test that checks it.
  const tenant = () => new ConfigTenant("T", { tokens: [hashToken("t")] });
  const cases: readonly { readonly setting: keyof ConfigTenant; readonly want: unknown }[] = [
    { setting: "name", want: "T" },
    { setting: "enabled", want: true },
    { setting: "webCallbackEnabled", want: true },
    { setting: "timeZone", want: "UTC" },
    { setting: "defaultCallerId", want: "" },
    { setting: "allowedBackOrigins", want: [] },
    { setting: "allowedCallbackHosts", want: [] },
    { setting: "allowPrivateCallbackHosts", want: false },
    { setting: "redirectWithGuid", want: false },
    { setting: "webhookSecret", want: undefined },
    { setting: "rateLimit", want: undefined },
    { setting: "defaultDialPlan", want: undefined },
    { setting: "agents", want: [] },
  ];
  it.each(cases)("$setting → $want", ({ setting, want }) => {
    expect(tenant()[setting]).toEqual(want);
  });

  it("has no channel, queue or dial plan", () => {
    const t = tenant();
    expect(t.channel("1")).toBeUndefined();
    expect(t.queue("1")).toBeUndefined();
    expect(t.hasDialPlan("1")).toBe(false);
    expect(t.dialPlanRules(undefined)).toBeUndefined();
    expect(t.dialPlanRules("1")).toBeUndefined();
  });
});

describe("a tenant's settings as the file gives them", () => {
  const rules = [{ startsWith: "0", strip: 1, prepend: "44" }];
  const other = [{ length: 10, prepend: "1" }];
  const tenant = () =>
    new ConfigTenant("Acme", {
      enabled: false,
      webCallbackEnabled: false,
      tokens: [hashToken("t")],
      timeZone: "Europe/London",
      defaultCallerId: "4420",
      channels: { "4421": { ivrScript: "Menu" }, "4422": {} },
      queues: { "7": { direction: "inbound" }, "8": { enabled: false, direction: "outbound" } },
      agents: { a1: { queues: ["7"], phone: "4423" } },
      dialPlans: { "1": { rules }, "2": { rules: other } },
      defaultDialPlan: "1",
      webhookSecret: "s3cret",
      allowedBackOrigins: ["https://www.example.com"],
      allowedCallbackHosts: ["hooks.example.com"],
      allowPrivateCallbackHosts: true,
      redirectWithGuid: true,
      rateLimit: { perPhone: { limit: 2, windowSeconds: 60 } },
    });

  it("keeps every setting", () => {
    expect(tenant()).toMatchObject({
      enabled: false,
      webCallbackEnabled: false,
      timeZone: "Europe/London",
      defaultCallerId: "4420",
      webhookSecret: "s3cret",
      allowedBackOrigins: ["https://www.example.com"],
      allowedCallbackHosts: ["hooks.example.com"],
      allowPrivateCallbackHosts: true,
      redirectWithGuid: true,
      rateLimit: { perPhone: { limit: 2, windowSeconds: 60 } },
      defaultDialPlan: "1",
      agents: [{ id: "a1", queues: ["7"], phone: "4423" }],
    });
  });

  it("gives channels and queues with their defaults", () => {
    const t = tenant();
    expect(t.channel("4421")).toEqual({ number: "4421", ivrScript: "Menu" });
    // A channel without a script has no ivrScript at all, not one that is undefined.
    expect(t.channel("4422")).toStrictEqual({ number: "4422" });
    expect(t.queue("7")).toEqual({ id: "7", enabled: true, direction: "inbound" });
    expect(t.queue("8")).toEqual({ id: "8", enabled: false, direction: "outbound" });
  });

  const plans: readonly { readonly name: string; readonly id: string | undefined; readonly want: unknown }[] = [
    { name: "the default plan when none is named", id: undefined, want: rules },
    { name: "a named plan over the default", id: "2", want: other },
    { name: "nothing for an unknown plan", id: "9", want: undefined },
  ];
  it.each(plans)("dialPlanRules: $name", ({ id, want }) => {
    expect(tenant().dialPlanRules(id)).toEqual(want);
  });
});

describe("ConfigDirectory", () => {
  it("has no admin token when the file sets none, so no token opens the control API", () => {
    const directory = new ConfigDirectory({ tenants: { T: { tokens: [] } } });
    expect(directory.adminTokenMatches("")).toBe(false);
    expect(directory.adminTokenMatches("anything")).toBe(false);
    expect(directory.webhooks).toEqual({});
  });

  it.each([
    { name: "the default limit when the file names none", given: undefined, want: { limit: 20, windowSeconds: 600 } },
    { name: "the file's limit", given: { limit: 3, windowSeconds: 60 }, want: { limit: 3, windowSeconds: 60 } },
    { name: "no limit for false", given: false, want: undefined },
  ] as const)("failed token checks: $name", ({ given, want }) => {
    const directory = new ConfigDirectory({ tenants: {}, ...(given === undefined ? {} : { failedAuthLimit: given }) });
    expect(directory.failedAuthLimit).toEqual(want);
  });

  it("a tenant with no tokens accepts none", () => {
    const directory = new ConfigDirectory({ tenants: { T: { tokens: [] } } });
    expect(directory.tenant("T")?.tokenMatches("")).toBe(false);
  });

  it("keeps the webhook settings and lists every tenant", () => {
    const directory = new ConfigDirectory({
      webhooks: { retryForSeconds: 120, timeoutSeconds: 5 },
      tenants: {
        A: { tokens: [], allowedBackOrigins: ["http://a.example"] },
        B: { tokens: [], allowedBackOrigins: ["http://a.example", "http://b.example"] },
      },
    });
    expect(directory.webhooks).toEqual({ retryForSeconds: 120, timeoutSeconds: 5 });
    expect(directory.allTenants().map((tenant) => tenant.name)).toEqual(["A", "B"]);
    expect(directory.allBackOrigins).toEqual(["http://a.example", "http://b.example"]);
  });
});

describe("the demo directory is CONTRACT.md section 8", () => {
  const config = demoConfig;
  const hashed = (token: string) => [hashToken(token)];

  it("Acme", () => {
    expect(config().tenants.Acme).toEqual({
      enabled: true,
      webCallbackEnabled: true,
      tokens: hashed("fb65d0515b9631c6db72e7e66fe6df49"),
      timeZone: "America/Los_Angeles",
      defaultCallerId: "18006660000",
      channels: { "18006661212": { ivrScript: "Acme main menu" }, "18006664444": {} },
      queues: {
        "103": { enabled: true, direction: "outbound" },
        "104": { enabled: false, direction: "outbound" },
        "105": { enabled: true, direction: "inbound" },
      },
      agents: { "agent-1": { queues: ["103"], state: "available", autoAccept: true } },
      dialPlans: { "1": { rules: [{ length: 10, prepend: "1" }] } },
      webhookSecret: "demo-webhook-secret",
      allowedBackOrigins: ["http://www.acmejet.com", "http://localhost:*", "http://127.0.0.1:*"],
      allowedCallbackHosts: ["mywebporter.com", "localhost", "127.0.0.1"],
      allowPrivateCallbackHosts: true,
    });
  });

  it("Globex and Initech", () => {
    expect(config().tenants.Globex).toEqual({
      enabled: true,
      webCallbackEnabled: false,
      tokens: hashed("0123456789abcdef0123456789abcdef"),
      allowedBackOrigins: ["http://localhost:*", "http://127.0.0.1:*"],
    });
    expect(config().tenants.Initech).toEqual({
      enabled: false,
      tokens: hashed("fedcba9876543210fedcba9876543210"),
      allowedBackOrigins: ["http://localhost:*", "http://127.0.0.1:*"],
    });
    expect(Object.keys(config().tenants)).toEqual(["Acme", "Globex", "Initech"]);
  });

  it("the admin token and the plain tokens it exports", () => {
    expect(config().adminToken).toBe(hashToken("demo-admin-token"));
    expect(DEMO_TOKENS).toEqual({
      admin: "demo-admin-token",
      Acme: "fb65d0515b9631c6db72e7e66fe6df49",
      Globex: "0123456789abcdef0123456789abcdef",
      Initech: "fedcba9876543210fedcba9876543210",
    });
  });

  it("dial plan 1 gives a 10-digit number a leading 1; with no plan named the number is dialled as given", () => {
    const acme = demoDirectory().tenant("Acme");
    expect(applyDialPlan(acme?.dialPlanRules("1"), "6505551212")).toBe("16505551212");
    expect(applyDialPlan(acme?.dialPlanRules(undefined), "6505551212")).toBe("6505551212");
  });
});

describe("applyDialPlan: each condition and rewrite of a rule", () => {
  const cases: readonly {
    readonly name: string;
    readonly rule: { length?: number; startsWith?: string; strip?: number; prepend?: string };
    readonly given: string;
    readonly want: string;
  }[] = [
    { name: "an empty rule matches and changes nothing", rule: {}, given: "123", want: "123" },
    { name: "strip alone", rule: { strip: 2 }, given: "0044207", want: "44207" },
    { name: "prepend alone", rule: { prepend: "9" }, given: "123", want: "9123" },
    { name: "strip then prepend", rule: { strip: 1, prepend: "44" }, given: "0207", want: "44207" },
    { name: "length matches", rule: { length: 3, prepend: "1" }, given: "123", want: "1123" },
    { name: "length too short", rule: { length: 4, prepend: "1" }, given: "123", want: "123" },
    { name: "length too long", rule: { length: 2, prepend: "1" }, given: "123", want: "123" },
    { name: "startsWith matches", rule: { startsWith: "12", prepend: "0" }, given: "123", want: "0123" },
    { name: "startsWith elsewhere in the number", rule: { startsWith: "23", prepend: "0" }, given: "123", want: "123" },
    { name: "both conditions hold", rule: { length: 3, startsWith: "1", prepend: "0" }, given: "123", want: "0123" },
    { name: "only the length holds", rule: { length: 3, startsWith: "9", prepend: "0" }, given: "123", want: "123" },
    { name: "only startsWith holds", rule: { length: 4, startsWith: "1", prepend: "0" }, given: "123", want: "123" },
  ];
  it.each(cases)("$name: $given → $want", ({ rule, given, want }) => {
    expect(applyDialPlan([rule], given)).toBe(want);
  });

  it("an empty plan changes nothing", () => {
    expect(applyDialPlan([], "123")).toBe("123");
  });
});

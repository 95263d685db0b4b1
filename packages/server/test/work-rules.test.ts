// The domain rules as tables: the intake plan, caller ids and dial plans, the retry policy,
// the result body, and the signature.
import { type CallbackRequest, parseUserData } from "@webcallback/core";
import { describe, expect, it } from "vitest";
import { SimulatedDialer } from "../src/dialer/simulated-dialer.js";
import { resultBody } from "../src/webhooks/result-body.js";
import { isRetryable, retryDelayMs } from "../src/webhooks/retry-policy.js";
import { signBody, verifySignature } from "../src/webhooks/signature.js";
import { callerIdFor, numberToDial } from "../src/work/call-setup.js";
import { planIntake } from "../src/work/intake-plan.js";
import { ACME, NOW, REQUEST_BASE } from "./support/work-fixtures.ts";

const type1 = (delaySeconds: number, extra: Partial<CallbackRequest> = {}): CallbackRequest =>
  ({ ...REQUEST_BASE, callbackType: 1, channelNumber: "18006661212", delaySeconds, ...extra }) as CallbackRequest;
const type2 = (expirationSeconds: number | undefined, extra: Partial<CallbackRequest> = {}): CallbackRequest =>
  ({ ...REQUEST_BASE, callbackType: 2, queueId: "103", expirationSeconds, ...extra }) as CallbackRequest;

describe("planIntake", () => {
  it.each([
    { name: "type 1 now", given: type1(0), want: { state: "pending", dueAt: NOW, expiresAt: null } },
    { name: "type 1 after 300 s", given: type1(300), want: { state: "pending", dueAt: NOW + 300_000, expiresAt: null } },
    { name: "type 2 without expiration", given: type2(undefined), want: { state: "queued", dueAt: null, expiresAt: null } },
    { name: "type 2 expiring after an hour", given: type2(3600), want: { state: "queued", dueAt: null, expiresAt: NOW + 3_600_000 } },
  ])("$name", ({ given, want }) => {
    const plan = planIntake(given, NOW, "g");
    expect(plan).toMatchObject(want);
    expect(plan.body).toMatchObject({ status: "accepted", interaction_guid: "g" });
    if (given.callbackType === 1) expect(plan.body).toMatchObject({ callback_type: 1, call_at: new Date(want.dueAt ?? 0).toISOString() });
    else
      expect(plan.body).toMatchObject({
        callback_type: 2,
        queue_id: "103",
        expires_at: want.expiresAt === null ? null : new Date(want.expiresAt).toISOString(),
      });
  });
});

describe("who is called, from which number", () => {
  const agent = { agentId: "a", tenant: "Acme", state: "available", queues: ["103"], autoAccept: true, availableSince: 0 } as const;
  it.each([
    { name: "Anonymous", given: type1(0, { callerId: { kind: "anonymous" } }), agent: undefined, want: "Anonymous" },
    { name: "a channel", given: type1(0, { callerId: { kind: "channel", number: "18006664444" } }), agent: undefined, want: "18006664444" },
    { name: "the tenant default", given: type1(0), agent: undefined, want: "18006660000" },
    {
      name: "-1 with the agent's default",
      given: type2(undefined, { callerId: { kind: "agent-default" } }),
      agent: { ...agent, defaultCallerId: "18005550123" },
      want: "18005550123",
    },
    {
      name: "-1 with an agent that has none",
      given: type2(undefined, { callerId: { kind: "agent-default" } }),
      agent,
      want: "18006660000",
    },
    {
      name: "-1 before an agent is known",
      given: type2(undefined, { callerId: { kind: "agent-default" } }),
      agent: undefined,
      want: "18006660000",
    },
    {
      name: "the tenant's default of now, not the one recorded at intake",
      given: type1(0, { callerId: { kind: "tenant-default", number: "18001110000" } }),
      agent: undefined,
      want: "18006660000",
    },
  ])("caller id: $name", ({ given, agent: who, want }) => {
    expect(callerIdFor(given, ACME, who)).toBe(want);
  });

  it.each([
    { name: "-1 is empty", given: type2(undefined, { callerId: { kind: "agent-default" } }), want: "" },
    {
      name: "the default recorded at intake",
      given: type1(0, { callerId: { kind: "tenant-default", number: "18001110000" } }),
      want: "18001110000",
    },
    { name: "a channel is itself", given: type1(0, { callerId: { kind: "channel", number: "18006664444" } }), want: "18006664444" },
  ])("caller id without the tenant: $name", ({ given, want }) => {
    expect(callerIdFor(given, undefined)).toBe(want);
  });

  it.each([
    { given: type1(0, { dialplanId: "1" }), want: "16505551212" },
    { given: type1(0, { dialplanId: "1", phone: "16505551212" }), want: "16505551212" },
    { given: type1(0), want: "6505551212" },
  ])("dial plan $given.dialplanId on $given.phone dials $want", ({ given, want }) => {
    expect(numberToDial(given, ACME)).toBe(want);
  });

  it("without the tenant the number is dialled as given", () => {
    expect(numberToDial(type1(0, { dialplanId: "1" }), undefined)).toBe("6505551212");
  });

  it.each([
    { number: "16505551212", want: { ringMs: 2000, afterRing: "answer", talkMs: 30_000 } },
    { number: "15005550001", want: { ringMs: 0, afterRing: "busy" } },
    { number: "15005550002", want: { ringMs: 30_000, afterRing: "no_answer" } },
    { number: "15005550003", want: { ringMs: 0, afterRing: "failed" } },
  ])("the simulated dialer plans $number", ({ number, want }) => {
    expect(new SimulatedDialer().plan(number, "customer")).toMatchObject(want);
  });
});

describe("retries", () => {
  it.each([
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [12, 3_600_000],
  ])("after attempt %i wait %i ms", (attempts, ms) => {
    expect(retryDelayMs(attempts)).toBe(ms);
  });

  it.each([
    [undefined, true],
    [500, true],
    [503, true],
    [429, false],
    [404, false],
    [301, false],
  ])("status %s is retried: %s", (status, want) => {
    expect(isRetryable(status)).toBe(want);
  });
});

describe("the result body", () => {
  const pairs = parseUserData(
    "[ctl_callbackUrl|http://x/][Transactionid__c|$interaction_guid$][At|$call_answered_time$][Len|$callDuration$][TT|$callAnsweredTenantTT$][Codes|$transaction_codes$][Raw|a&b=c]",
  );
  if (!pairs.ok) throw new Error("bad pairs");
  const request = type1(0, { userData: pairs.pairs.filter((p) => !p.name.startsWith("ctl_")) });
  const call = {
    callId: "c1",
    interactionGuid: "g",
    tenant: "Acme",
    leg: "customer",
    numberDialled: "6505551212",
    callerId: "18006660000",
    state: "ended",
    placedAt: NOW,
    answeredAt: NOW + 2000,
    endedAt: NOW + 92_000,
    transactionCodes: [{ list: "L", code: "S" }],
  } as const;

  it("expands the tokens from the call and ends with the system fields", () => {
    const form = [
      ...new URLSearchParams(
        resultBody({ request, interactionGuid: "g", result: "completed", call, now: NOW + 92_000, timeZone: "America/Los_Angeles" }),
      ),
    ];
    expect(form).toEqual([
      ["Transactionid__c", "g"],
      ["At", String((NOW + 2000) / 1000)],
      ["Len", "00:01:30"],
      ["TT", "2026/12/02 04:00:02 -08:00"],
      ["Codes", "L:S"],
      ["Raw", "a&b=c"],
      ["ctl_result", "completed"],
      ["ctl_interaction_guid", "g"],
    ]);
  });

  it("gives 0 and empty values for a call that was not established", () => {
    const form = new URLSearchParams(
      resultBody({ request, interactionGuid: "g", result: "expired", call: undefined, now: NOW, timeZone: "UTC" }),
    );
    expect([form.get("At"), form.get("Len"), form.get("TT"), form.get("ctl_result")]).toEqual(["0", "00:00:00", "", "expired"]);
  });
});

describe("the signature", () => {
  const body = "a=1&ctl_result=completed";
  const header = signBody("s3cret", 1_800_000_000, body);

  it.each([
    { name: "the same body and secret", secret: "s3cret", body, header, now: 1_800_000_100, ok: true },
    { name: "another secret", secret: "other", body, header, now: 1_800_000_000, ok: false },
    { name: "a changed body", secret: "s3cret", body: `${body}&x`, header, now: 1_800_000_000, ok: false },
    { name: "a stale time", secret: "s3cret", body, header, now: 1_800_000_301, ok: false },
    {
      name: "a second v1 that matches",
      secret: "s3cret",
      body,
      header: `${header.replace(/v1=[0-9a-f]+/, `v1=${"0".repeat(64)}`)},${header.split(",")[1]}`,
      now: 1_800_000_000,
      ok: true,
    },
    { name: "no t", secret: "s3cret", body, header: header.split(",")[1] ?? "", now: 1_800_000_000, ok: false },
  ])("$name: ok=$ok", ({ secret, body: b, header: h, now, ok }) => {
    expect(verifySignature({ secret, header: h, body: b, nowSeconds: now }).ok).toBe(ok);
  });

  it("is t=<seconds>,v1=<hex HMAC-SHA256 of t.body>", () => {
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
  });
});

// The scheduling rules as data: what placing, answering and ending a call, ending an
// interaction and offering a queued request write. No store, no clock: records in, records out.
import type { CallbackRequest } from "@webcallback/core";
import { describe, expect, it } from "vitest";
import type { CallPlan } from "../src/dialer/dialer.js";
import type { AgentRecord, CallRecord, StoredInteraction } from "../src/store/store.js";
import { resultBody } from "../src/webhooks/result-body.js";
import {
  answered,
  deliveryFor,
  ended,
  finishInteraction,
  MOVES_FROM,
  newOffer,
  placeAgentLeg,
  placeCustomerLeg,
} from "../src/work/transitions.js";
import { ACME, NOW, REQUEST_BASE } from "./support/work-fixtures.ts";

const POLICY = { retryForMs: 86_400_000 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const BASE = {
  ...REQUEST_BASE,
  // The hour of `now` in the tenant's zone and the customer leg's id show which zone and which call the body read.
  userData: [
    { name: "Hour", value: "$hours$" },
    { name: "Call", value: "$transaction_id$" },
  ],
} as const;
const type1 = (extra: Partial<CallbackRequest> = {}): CallbackRequest =>
  ({ ...BASE, callbackType: 1, channelNumber: "18006661212", delaySeconds: 0, ...extra }) as CallbackRequest;
const type2 = (extra: Partial<CallbackRequest> = {}): CallbackRequest =>
  ({ ...BASE, callbackType: 2, queueId: "103", expirationSeconds: undefined, ...extra }) as CallbackRequest;

function interactionOf(request: CallbackRequest, extra: Partial<StoredInteraction> = {}): StoredInteraction {
  return {
    interactionGuid: "g-1",
    tenant: "Acme",
    callbackType: request.callbackType,
    phone: request.phone,
    request,
    acceptedAt: NOW - 1000,
    dueAt: null,
    expiresAt: null,
    state: "calling",
    ...(request.callbackType === 2 ? { queueId: request.queueId } : {}),
    ...extra,
  };
}

const AGENT: AgentRecord = { agentId: "agent-1", tenant: "Acme", state: "available", queues: ["103"], autoAccept: true, availableSince: 0 };

function call(extra: Partial<CallRecord> = {}): CallRecord {
  return {
    callId: "c-1",
    interactionGuid: "g-1",
    tenant: "Acme",
    leg: "customer",
    numberDialled: "6505551212",
    callerId: "18006660000",
    state: "ringing",
    placedAt: NOW - 5000,
    ...extra,
  };
}

describe("the states each step moves an interaction from", () => {
  it.each([
    { step: "dial", want: ["pending"] },
    { step: "offer", want: ["queued"] },
    { step: "accept", want: ["offered"] },
    { step: "reject", want: ["offered"] },
    { step: "expire", want: ["queued", "offered"] },
    { step: "finish", want: ["calling"] },
  ] as const)("$step moves from $want", ({ step, want }) => {
    expect(MOVES_FROM[step]).toEqual(want);
  });
});

describe("placing the customer leg", () => {
  const plan =
    (given: CallPlan) =>
    (number: string): CallPlan => {
      planned.push(number);
      return given;
    };
  const planned: string[] = [];

  it.each([
    {
      name: "a call that will be answered rings, then its answer is due",
      given: { ringMs: 2000, afterRing: "answer", talkMs: 30_000 },
      want: { state: "ringing", jobs: [{ kind: "answer", dueAt: NOW + 2000 }], endedWith: undefined },
    },
    {
      name: "an agent-style plan answers at once: still a job, due now",
      given: { ringMs: 0, afterRing: "answer", talkMs: 30_000 },
      want: { state: "ringing", jobs: [{ kind: "answer", dueAt: NOW }], endedWith: undefined },
    },
    {
      name: "a call nobody answers rings, then its end is due",
      given: { ringMs: 30_000, afterRing: "no_answer", talkMs: 0 },
      want: { state: "ringing", jobs: [{ kind: "end", dueAt: NOW + 30_000 }], endedWith: undefined },
    },
    {
      name: "a busy line ends the call and the interaction at once",
      given: { ringMs: 0, afterRing: "busy", talkMs: 0 },
      want: { state: "ended", jobs: [], endedWith: "busy" },
    },
    {
      name: "a failed call ends the call and the interaction at once",
      given: { ringMs: 0, afterRing: "failed", talkMs: 0 },
      want: { state: "ended", jobs: [], endedWith: "failed" },
    },
  ] as const)("$name", ({ given, want }) => {
    const placed = placeCustomerLeg(interactionOf(type1()), ACME, plan(given), NOW);
    expect(placed.calls).toHaveLength(1);
    const [leg] = placed.calls;
    expect(leg?.callId).toMatch(UUID);
    expect(leg?.state).toBe(want.state);
    expect(leg?.talkMs).toBe(given.talkMs);
    if (want.state === "ended") expect(leg).toMatchObject({ outcome: want.endedWith, endedAt: NOW });
    else expect(leg).not.toHaveProperty("endedAt");
    expect(placed.jobs).toEqual(want.jobs.map((job) => ({ ...job, ref: leg?.callId })));
    expect(placed.endedWith).toBe(want.endedWith);
  });

  it("records who is dialled, from which number, for which channel, at what time", () => {
    planned.length = 0;
    const placed = placeCustomerLeg(
      interactionOf(type1({ dialplanId: "1" })),
      ACME,
      plan({ ringMs: 2000, afterRing: "answer", talkMs: 1 }),
      NOW,
    );
    expect(planned).toEqual(["16505551212"]);
    expect(placed.calls[0]).toEqual({
      callId: expect.stringMatching(UUID),
      interactionGuid: "g-1",
      tenant: "Acme",
      leg: "customer",
      numberDialled: "16505551212",
      callerId: "18006660000",
      channel: "18006661212",
      queueId: undefined,
      agentId: undefined,
      state: "ringing",
      placedAt: NOW,
      talkMs: 1,
    });
  });

  it("a type-2 leg records its queue and agent, and the agent's caller id for -1", () => {
    const request = type2({ callerId: { kind: "agent-default" } });
    const agent = { ...AGENT, defaultCallerId: "18005550123" };
    const placed = placeCustomerLeg(interactionOf(request), ACME, plan({ ringMs: 2000, afterRing: "answer", talkMs: 1 }), NOW, agent);
    expect(placed.calls[0]).toMatchObject({ channel: undefined, queueId: "103", agentId: "agent-1", callerId: "18005550123" });
  });

  it("every leg gets a new call id", () => {
    const twice = [1, 2].map(() =>
      placeCustomerLeg(interactionOf(type1()), ACME, plan({ ringMs: 1, afterRing: "answer", talkMs: 1 }), NOW),
    );
    expect(twice[0]?.calls[0]?.callId).not.toBe(twice[1]?.calls[0]?.callId);
  });
});

describe("placing the agent leg", () => {
  it.each([
    {
      name: "the agent's phone, from the tenant's default",
      agent: { ...AGENT, phone: "6505550100" },
      tenant: ACME,
      want: ["6505550100", "18006660000"],
    },
    { name: "the agent id when it has no phone", agent: AGENT, tenant: ACME, want: ["agent-1", "18006660000"] },
    { name: "an empty caller id without a tenant", agent: AGENT, tenant: undefined, want: ["agent-1", ""] },
  ])("dials $name", ({ agent, tenant, want }) => {
    const leg = placeAgentLeg(interactionOf(type2()), agent, tenant, NOW);
    expect(leg).toEqual({
      callId: expect.stringMatching(UUID),
      interactionGuid: "g-1",
      tenant: "Acme",
      leg: "agent",
      numberDialled: want[0],
      callerId: want[1],
      queueId: "103",
      agentId: "agent-1",
      state: "answered",
      placedAt: NOW,
      answeredAt: NOW,
    });
  });
});

describe("answering", () => {
  it.each([
    {
      name: "a type-1 customer hears its channel's IVR script",
      given: call({ channel: "18006661212" }),
      tenant: ACME,
      ivrScript: "Acme main menu",
    },
    { name: "a channel without a script runs none", given: call({ channel: "18006664444" }), tenant: ACME, ivrScript: undefined },
    { name: "a channel the tenant no longer has runs none", given: call({ channel: "18009990000" }), tenant: ACME, ivrScript: undefined },
    { name: "without the tenant no script is known", given: call({ channel: "18006661212" }), tenant: undefined, ivrScript: undefined },
    { name: "a type-2 customer has no channel", given: call({ queueId: "103" }), tenant: ACME, ivrScript: undefined },
    { name: "an agent hears no script", given: call({ leg: "agent", channel: "18006661212" }), tenant: ACME, ivrScript: undefined },
  ])("$name", ({ given, tenant, ivrScript }) => {
    const next = answered(given, tenant, NOW);
    expect(next.call).toStrictEqual({ ...given, state: "answered", answeredAt: NOW, ...(ivrScript === undefined ? {} : { ivrScript }) });
  });

  it.each([
    { name: "after the planned talk time", talkMs: 30_000, want: NOW + 30_000 },
    { name: "at once without one", talkMs: undefined, want: NOW },
  ])("the hang-up is due $name", ({ talkMs, want }) => {
    expect(answered(call({ talkMs }), ACME, NOW).job).toEqual({ kind: "end", ref: "c-1", dueAt: want });
  });
});

describe("ending a call", () => {
  it("sets the outcome and the time over whatever the extra fields say", () => {
    const extra = { notes: "called back", state: "ringing", outcome: "busy", endedAt: 1 } as const;
    expect(ended(call(), "completed", NOW, extra)).toEqual({
      ...call(),
      notes: "called back",
      state: "ended",
      outcome: "completed",
      endedAt: NOW,
    });
  });

  it("needs no extra fields", () => {
    expect(ended(call(), "no_answer", NOW)).toEqual({ ...call(), state: "ended", outcome: "no_answer", endedAt: NOW });
  });
});

describe("the result delivery", () => {
  const withUrl = type1({ callbackUrl: "http://mywebporter.com/result" });

  it("is none without ctl_callbackUrl", () => {
    expect(deliveryFor(interactionOf(type1()), "completed", call(), ACME, NOW, POLICY)).toBeUndefined();
  });

  it.each([
    { name: "the tenant's time zone", tenant: ACME, timeZone: "America/Los_Angeles", hour: "04" },
    { name: "UTC without a tenant", tenant: undefined, timeZone: "UTC", hour: "12" },
  ])("is due now, retried for the policy's time, its body in $name", ({ tenant, timeZone, hour }) => {
    const leg = call({ state: "ended" });
    const delivery = deliveryFor(interactionOf(withUrl), "busy", leg, tenant, NOW, POLICY);
    const body = resultBody({ request: withUrl, interactionGuid: "g-1", result: "busy", call: leg, now: NOW, timeZone });
    expect(new URLSearchParams(body).get("Hour")).toBe(hour);
    expect(delivery).toEqual({
      deliveryId: expect.stringMatching(UUID),
      interactionGuid: "g-1",
      tenant: "Acme",
      url: "http://mywebporter.com/result",
      body,
      state: "pending",
      attempts: 0,
      nextAttemptAt: NOW,
      createdAt: NOW,
      giveUpAt: NOW + 86_400_000,
    });
  });
});

describe("finishing an interaction", () => {
  const FROM = ["calling"] as const;
  const drops = (...ids: string[]) => [
    ...ids.flatMap((ref) => [
      { kind: "answer", ref },
      { kind: "end", ref },
    ]),
    { kind: "expire", ref: "g-1" },
  ];

  it("ends the live legs as completed, keeps the ended ones, drops their jobs and the expiry", () => {
    const live = call({ callId: "c-2", state: "answered", answeredAt: NOW - 1000 });
    const over = call({ callId: "c-1", state: "ended", outcome: "no_answer", endedAt: NOW - 2000 });
    const change = finishInteraction(interactionOf(type1()), "completed", [over, live], undefined, ACME, NOW, POLICY, FROM);
    expect(change).toStrictEqual({
      interaction: { guid: "g-1", from: FROM, state: "done", result: "completed" },
      putCalls: [over, { ...live, state: "ended", outcome: "completed", endedAt: NOW }],
      dropJobs: drops("c-1", "c-2"),
    });
  });

  it("frees the agent from now on", () => {
    const agent = { ...AGENT, busyWith: "g-1", availableSince: 5 };
    const change = finishInteraction(interactionOf(type2()), "completed", [], agent, ACME, NOW, POLICY, ["calling"]);
    expect(change.putAgents).toStrictEqual([{ ...AGENT, busyWith: undefined, availableSince: NOW }]);
    expect(change.dropJobs).toEqual(drops());
  });

  it.each([
    { name: "the last customer leg", calls: ["customer:c-1", "customer:c-2", "agent:a-1"], want: "c-2" },
    { name: "the customer leg, not the agent's placed after it", calls: ["customer:c-1", "agent:a-1"], want: "c-1" },
    { name: "no call when only the agent was called", calls: ["agent:a-1"], want: undefined },
  ])("queues the result POST, due now, for $name", ({ calls: given, want }) => {
    const interaction = interactionOf(type2({ callbackUrl: "http://mywebporter.com/result" }));
    const calls = given.map((spec) => {
      const [leg, callId] = spec.split(":") as ["customer" | "agent", string];
      return call({ callId, leg, state: "ended", outcome: "completed", endedAt: NOW - 1 });
    });
    const change = finishInteraction(interaction, "expired", calls, undefined, ACME, NOW, POLICY, MOVES_FROM.expire);
    const [delivery] = change.putDeliveries ?? [];
    expect(change.putDeliveries).toHaveLength(1);
    expect(new URLSearchParams(delivery?.body).get("Call")).toBe(want ?? "");
    expect(change.addJobs).toEqual([{ kind: "deliver", ref: delivery?.deliveryId, dueAt: NOW }]);
    expect(change.interaction).toEqual({ guid: "g-1", from: MOVES_FROM.expire, state: "done", result: "expired" });
  });
});

describe("offering a queued request", () => {
  it.each([
    { name: "its queue", extra: {}, queueId: "103" },
    { name: "an empty queue id when none is stored", extra: { queueId: undefined }, queueId: "" },
  ])("names the agent, $name and a copy of extTransactionData", ({ extra, queueId }) => {
    const ext = [{ name: "Order", value: "42", note: "not copied" }];
    const interaction = interactionOf(type2({ extTransactionData: ext }), extra);
    expect(newOffer(interaction, AGENT, NOW)).toStrictEqual({
      offerId: expect.stringMatching(UUID),
      interactionGuid: "g-1",
      agentId: "agent-1",
      queueId,
      extTransactionData: [{ name: "Order", value: "42" }],
      offeredAt: NOW,
      state: "open",
    });
  });
});

// What happens after intake, end to end on loopback (CONTRACT.md sections 5-7): the real
// `webcallback serve` child with the simulated dialer, a local receiver standing in for the
// partner, and the clock moved through the simulator's control API, never waited on.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REQUEST_EXAMPLES } from "@webcallback/core";
import { hashToken, verifySignature } from "@webcallback/server";
import { afterEach, describe, expect, it } from "vitest";
import { given, type Params, send } from "./support/callback-client.ts";
import { type Receiver, startReceiver } from "./support/receiver.ts";
import { type ServerProcess, startServer } from "./support/server-process.ts";
import { ADMIN_TOKEN, SimClient } from "./support/sim-client.ts";

const WEBHOOK_SECRET = "demo-webhook-secret";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  readonly server: ServerProcess;
  readonly sim: SimClient;
  readonly receiver: Receiver;
}

async function setup(args: readonly string[] = []): Promise<Setup> {
  const receiver = await startReceiver();
  cleanups.push(() => receiver.close());
  const server = await startServer({ args: ["--log-level", "warn", ...args] });
  cleanups.push(() => server.stop());
  return { server, sim: new SimClient(server.url), receiver };
}

/** Sends `params` without `back` (JSON mode) and returns the interaction guid. */
async function accept(server: ServerProcess, params: Params): Promise<string> {
  const answer = await send(server.url, given(params, { back: null }));
  expect(answer.status, answer.text).toBe(202);
  return (answer.json as { interaction_guid: string }).interaction_guid;
}

const example = (name: keyof typeof REQUEST_EXAMPLES): Params => REQUEST_EXAMPLES[name].value as Params;

/** Moves the server clock to `at` (ms), taking the real time already passed into account. */
async function advanceTo(sim: SimClient, at: number): Promise<void> {
  const now = Date.parse((await sim.clock()).now);
  if (at > now) await sim.advance((at - now) / 1000);
}

async function interactionTimes(sim: SimClient, guid: string): Promise<{ expiresAt: string; dueAt: string }> {
  return (await sim.call<{ expiresAt: string; dueAt: string }>("GET", `/sim/interactions/${guid}`)).json;
}

function formOf(receiver: Receiver, index: number): Map<string, string> {
  return new Map(receiver.received[index]?.form ?? []);
}

describe("seed example 2: a call after 300 s and its signed result POST", () => {
  it("places no call at 299 s, calls at 300 s, and posts the expanded user data after hang-up", async () => {
    const { server, sim, receiver } = await setup();
    const userdata = example("Example2CallAfterDelay").ctl_userdata?.replace(
      "https://mywebporter.com/callback.php",
      `${receiver.url}/callback.php`,
    );
    const answer = await send(server.url, given(example("Example2CallAfterDelay"), { ctl_userdata: userdata ?? null, back: null }));
    const { interaction_guid: guid, call_at: callAt } = answer.json as { interaction_guid: string; call_at: string };
    const acceptedAt = Date.parse(callAt) - 300_000;

    // The server clock also runs in real time: advance to 299 s after acceptance, whatever the machine's pace.
    const elapsed = Date.parse((await sim.clock()).now) - acceptedAt;
    await sim.advance(299 - elapsed / 1000);
    const early = await sim.calls(guid);
    // On a slow machine real time may carry the clock past 300 s before the next look: then the call
    // must have been placed at its due time, never before.
    for (const call of early) expect(Date.parse(call.placedAt)).toBeGreaterThanOrEqual(acceptedAt + 300_000);
    if (early.length === 0) expect((await sim.interaction(guid)).state).toBe("pending");

    await sim.advance(1);
    const [placed] = await sim.calls(guid);
    expect(placed).toMatchObject({ leg: "customer", numberDialled: "16505551212", callerId: "18006664444", channel: "18006661212" });
    const late = Date.parse(placed?.placedAt ?? "") - (acceptedAt + 300_000);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(1000);

    await sim.advance(2);
    const [answered] = await sim.calls(guid);
    expect(answered).toMatchObject({ state: "answered", ivrScript: "Acme main menu" });
    expect(receiver.received).toHaveLength(0);

    await sim.advance(30);
    const [ended] = await sim.calls(guid);
    expect(ended).toMatchObject({ state: "ended", outcome: "completed" });
    await receiver.waitFor(1);
    const post = receiver.received[0];
    expect(post?.method).toBe("POST");
    expect(post?.path).toBe("/callback.php");
    expect(post?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(post?.form.map(([name]) => name)).toEqual([
      "Transactionid__c",
      "CallAnswerTime",
      "foreign_key",
      "ctl_result",
      "ctl_interaction_guid",
    ]);
    const form = formOf(receiver, 0);
    expect(form.get("Transactionid__c")).toBe(guid);
    expect(form.get("CallAnswerTime")).toBe(String(Math.floor(Date.parse(answered?.answeredAt ?? "") / 1000)));
    expect(form.get("foreign_key")).toBe("1234456677");
    expect(form.get("ctl_result")).toBe("completed");
    expect(form.get("ctl_interaction_guid")).toBe(guid);

    const nowSeconds = Math.floor(Date.parse((await sim.clock()).now) / 1000);
    const header = String(post?.headers["webcallback-signature"]);
    expect(verifySignature({ secret: WEBHOOK_SECRET, header, body: post?.body ?? "", nowSeconds })).toMatchObject({ ok: true });
    expect(verifySignature({ secret: "another-secret", header, body: post?.body ?? "", nowSeconds }).ok).toBe(false);
    expect(verifySignature({ secret: WEBHOOK_SECRET, header, body: `${post?.body}x`, nowSeconds }).ok).toBe(false);
    expect(post?.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect((await sim.interaction(guid)).result).toBe("completed");
    expect(await sim.deliveries(guid)).toMatchObject([{ state: "delivered", attempts: 1, lastStatus: 200 }]);
  });
});

describe("seed examples 3 and 4: the queue and its agents", () => {
  it("waits while agent-1 is offline, then is offered, bridged, and ended with transaction codes", async () => {
    const { server, sim, receiver } = await setup();
    await sim.putAgent("agent-1", { state: "offline" });
    const guid = await accept(
      server,
      given(example("Example3WhenAgentAvailable"), {
        extTransactionData: "[order|A-17][topic|refund]",
        ctl_userdata: `[ctl_callbackUrl|${receiver.url}/r][codes|$transaction_codes$][notes|$notes$][last|$lastTclCodeShort$][by|$caller_id$]`,
      }),
    );
    await sim.advance(600);
    expect((await sim.interaction(guid)).state).toBe("queued");
    expect(await sim.calls(guid)).toEqual([]);

    await sim.putAgent("agent-1", { state: "available" });
    const calls = await sim.calls(guid);
    expect(calls.map((c) => c.leg)).toEqual(["agent", "customer"]);
    expect(calls[0]).toMatchObject({ agentId: "agent-1", queueId: "103", state: "answered" });
    expect(calls[1]).toMatchObject({
      agentId: "agent-1",
      queueId: "103",
      callerId: "18006664444",
      numberDialled: "16505551212",
      state: "ringing",
    });
    expect((await sim.interaction(guid)).state).toBe("calling");

    await sim.advance(2);
    expect((await sim.calls(guid))[1]?.state).toBe("answered");
    await sim.end(guid, {
      transactionCodes: [
        { list: "Outcome", code: "SALE", description: "Sold" },
        { list: "Reason", code: "PRICE", description: "Price" },
      ],
      notes: "call back next week",
    });
    await receiver.waitFor(1);
    const form = formOf(receiver, 0);
    expect(form.get("codes")).toBe("Outcome:SALE,Reason:PRICE");
    expect(form.get("notes")).toBe("call back next week");
    expect(form.get("last")).toBe("PRICE");
    expect(form.get("by")).toBe("18006664444");
    expect(form.get("ctl_result")).toBe("completed");
    const agents = (await sim.call<{ agents: { agentId: string; state: string }[] }>("GET", "/sim/agents")).json.agents;
    expect(agents.find((a) => a.agentId === "agent-1")?.state).toBe("available");
  });

  it("with expiration=3600 and no agent, is gone at 3600 s with ctl_result=expired", async () => {
    const { server, sim, receiver } = await setup();
    await sim.putAgent("agent-1", { state: "offline" });
    const guid = await accept(
      server,
      given(example("Example4WithExpiration"), {
        ctl_userdata: `[ctl_callbackUrl|${receiver.url}/r][guid|$interaction_guid$][answered|$call_answered_time$][took|$callDuration$]`,
      }),
    );
    const expiresAt = Date.parse((await interactionTimes(sim, guid)).expiresAt);
    await advanceTo(sim, expiresAt - 1000);
    const still = await sim.interaction(guid);
    // Real time may carry a slow machine past the expiry before this look; it must not have come early.
    if (still.state !== "queued") expect(Date.parse((await sim.clock()).now)).toBeGreaterThanOrEqual(expiresAt);
    await sim.advance(1);
    expect(await sim.interaction(guid)).toMatchObject({ state: "done", result: "expired" });
    await receiver.waitFor(1);
    const form = formOf(receiver, 0);
    expect(form.get("ctl_result")).toBe("expired");
    expect(form.get("guid")).toBe(guid);
    expect(form.get("answered")).toBe("0");
    expect(form.get("took")).toBe("00:00:00");
    // It is counted as abandoned (CONTRACT §6).
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^webcallback_abandoned_total 1$/m);
    // An agent coming in later finds nothing to take.
    await sim.putAgent("agent-1", { state: "available" });
    expect(await sim.calls(guid)).toEqual([]);
  });

  it("offers to one agent at a time; a rejected offer goes to the next agent, with the transaction panel", async () => {
    const { server, sim } = await setup();
    await sim.putAgent("agent-1", { state: "available", autoAccept: false });
    await sim.putAgent("agent-2", { state: "available", queues: ["103"], autoAccept: false, defaultCallerId: "18005550123" });
    const guid = await accept(
      server,
      given(example("Example3WhenAgentAvailable"), { extTransactionData: "[order|A-17][topic|refund]", caller_id: "-1" }),
    );
    const [first] = await sim.offers();
    expect(first).toMatchObject({ interactionGuid: guid, agentId: "agent-1", queueId: "103" });
    expect(first?.extTransactionData).toEqual([
      { name: "order", value: "A-17" },
      { name: "topic", value: "refund" },
    ]);
    expect((await sim.interaction(guid)).state).toBe("offered");
    await sim.reject(first?.offerId ?? "");
    const [second] = await sim.offers();
    expect(second).toMatchObject({ interactionGuid: guid, agentId: "agent-2" });
    await sim.accept(second?.offerId ?? "");
    const customer = (await sim.calls(guid)).find((c) => c.leg === "customer");
    // caller_id=-1 on a type-2 request: the default caller id of the agent who took it.
    expect(customer).toMatchObject({ agentId: "agent-2", callerId: "18005550123" });
    expect(await sim.offers()).toEqual([]);
    const again = await sim.call("POST", `/sim/offers/${first?.offerId}/accept`);
    expect(again.status).toBe(409);
  });

  it("withdraws the open offer of an agent who goes offline; the request goes to the next agent", async () => {
    const { server, sim } = await setup();
    await sim.putAgent("agent-1", { state: "available", autoAccept: false });
    await sim.putAgent("agent-2", { state: "offline", queues: ["103"], autoAccept: false });
    const guid = await accept(server, example("Example3WhenAgentAvailable"));
    const [first] = await sim.offers();
    expect(first).toMatchObject({ interactionGuid: guid, agentId: "agent-1" });
    await sim.putAgent("agent-1", { state: "offline" });
    expect(await sim.offers()).toEqual([]);
    expect((await sim.interaction(guid)).state).toBe("queued");
    expect((await sim.call("POST", `/sim/offers/${first?.offerId}/accept`)).status).toBe(409);
    await sim.putAgent("agent-2", { state: "available" });
    const [second] = await sim.offers();
    expect(second).toMatchObject({ interactionGuid: guid, agentId: "agent-2" });
  });
});

describe("simulated telephony", () => {
  it.each([
    ["15005550001", "busy", 0],
    ["15005550003", "failed", 0],
    ["15005550002", "no_answer", 30],
  ])("the test number %s ends as %s", async (phone, outcome, seconds) => {
    const { server, sim, receiver } = await setup();
    const guid = await accept(server, given(example("Example1CallNow"), { phone, ctl_userdata: `[ctl_callbackUrl|${receiver.url}/r]` }));
    if (seconds > 0) {
      const placedAt = Date.parse((await sim.calls(guid))[0]?.placedAt ?? "");
      await advanceTo(sim, placedAt + (seconds - 1) * 1000);
      const [ringing] = await sim.calls(guid);
      // Never ended early; a slow machine's real time may have ended it on time before this look.
      if (ringing?.state !== "ringing") expect(Date.parse(ringing?.endedAt ?? "")).toBeGreaterThanOrEqual(placedAt + seconds * 1000);
      await sim.advance(1);
    }
    const [call] = await sim.calls(guid);
    expect(call).toMatchObject({ state: "ended", outcome });
    expect(call?.answeredAt).toBeUndefined();
    await receiver.waitFor(1);
    expect(formOf(receiver, 0).get("ctl_result")).toBe(outcome);
  });

  it("applies the dial plan to the number dialled, and Anonymous caller id", async () => {
    const { server, sim } = await setup();
    const guid = await accept(
      server,
      given(example("Example1CallNow"), { phone: "(650) 555-1212", dialplan_id: "1", caller_id: "Anonymous" }),
    );
    expect((await sim.calls(guid))[0]).toMatchObject({ numberDialled: "16505551212", callerId: "Anonymous" });
    const plain = await accept(server, given(example("Example1CallNow"), { phone: "6505551212", caller_id: "-1" }));
    // No dialplan_id: the tenant's default plan leaves the number as it is; -1 on type 1 is the tenant default.
    expect((await sim.calls(plain))[0]).toMatchObject({ numberDialled: "6505551212", callerId: "18006660000" });
  });
});

describe("result POST deliveries", () => {
  it("retries a receiver that answers 500 twice, three attempts with one Idempotency-Key", async () => {
    const { server, sim, receiver } = await setup();
    receiver.answerWith(500, 500);
    const guid = await accept(
      server,
      given(example("Example1CallNow"), { phone: "15005550001", ctl_userdata: `[ctl_callbackUrl|${receiver.url}/r]` }),
    );
    await receiver.waitFor(1);
    expect(await sim.deliveries(guid)).toMatchObject([{ state: "pending", attempts: 1, lastStatus: 500 }]);
    // The first retry comes within 60 s on the server clock.
    await sim.advance(60);
    await receiver.waitFor(3);
    expect(receiver.received).toHaveLength(3);
    const keys = new Set(receiver.received.map((r) => r.headers["idempotency-key"]));
    expect(keys.size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.body)).size).toBe(1);
    expect(await sim.deliveries(guid)).toMatchObject([{ state: "delivered", attempts: 3, lastStatus: 200 }]);
  });

  it("keeps a failed delivery visible and retries it on request", async () => {
    const { server, sim, receiver } = await setup();
    receiver.answerWith(400);
    const guid = await accept(
      server,
      given(example("Example1CallNow"), { phone: "15005550003", ctl_userdata: `[ctl_callbackUrl|${receiver.url}/r]` }),
    );
    await receiver.waitFor(1);
    const [failed] = await sim.deliveries(guid);
    expect(failed).toMatchObject({ state: "failed", attempts: 1, lastStatus: 400 });
    const retried = await sim.retry(failed?.deliveryId ?? "");
    expect(retried).toMatchObject({ state: "delivered", attempts: 2, lastStatus: 200 });
    expect(receiver.received[1]?.headers["idempotency-key"]).toBe(failed?.deliveryId);
  });

  it("never contacts a loopback receiver the tenant's rules forbid, though its name passed intake", async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const dir = await mkdtemp(join(tmpdir(), "wc-work-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const config = join(dir, "tenants.json");
    await writeFile(
      config,
      JSON.stringify({
        adminToken: hashToken(ADMIN_TOKEN),
        // The name resolves to loopback, as a hostile DNS answer would make it.
        webhooks: { hostAddresses: { "partner.example": "127.0.0.1" } },
        tenants: {
          Strict: {
            tokens: [hashToken("strict-token")],
            channels: { "18001112222": {} },
            allowedCallbackHosts: ["partner.example"],
            allowPrivateCallbackHosts: false,
          },
        },
      }),
    );
    const server = await startServer({ args: ["--config", config, "--log-level", "warn"] });
    cleanups.push(() => server.stop());
    const sim = new SimClient(server.url);
    const guid = await accept(server, {
      tenant: "Strict",
      token: "strict-token",
      phone: "15005550001",
      callback_type: "1",
      channel_number: "18001112222",
      ctl_userdata: `[ctl_callbackUrl|http://partner.example:${receiver.port}/r]`,
    });
    await sim.advance(120);
    const [delivery] = await sim.deliveries(guid);
    expect(delivery).toMatchObject({ state: "failed", attempts: 1 });
    expect(delivery?.lastError).toMatch(/127\.0\.0\.1.*private/);
    expect(receiver.received).toEqual([]);
  });
});

describe("the simulator's control API", () => {
  it("needs the admin token and checks bodies against openapi/simulator.yaml", async () => {
    const { server } = await setup();
    expect((await fetch(`${server.url}/sim/clock`)).status).toBe(401);
    expect((await new SimClient(server.url, "wrong").call("GET", "/sim/clock")).status).toBe(401);
    const sim = new SimClient(server.url);
    const bad = await sim.call<{ error: string }>("POST", "/sim/clock/advance", { seconds: 0 });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/seconds.*exclusiveMinimum/);
    expect((await sim.call("POST", "/sim/clock/advance", { seconds: 5, extra: 1 })).status).toBe(400);
    expect((await sim.call("PUT", "/sim/agents/agent-1", { state: "away" })).status).toBe(400);
    // A queue the agent's tenant does not have, for a new agent or an existing one.
    const unknownQueue = await sim.call<{ error: string }>("PUT", "/sim/agents/agent-y", { queues: ["nope"] });
    expect(unknownQueue.status).toBe(400);
    expect(unknownQueue.json.error).toBe('queue "nope" is not a queue of tenant Acme');
    expect((await sim.call("PUT", "/sim/agents/agent-1", { queues: ["103", "999"] })).status).toBe(400);
    expect((await sim.call("GET", "/sim/interactions/00000000-0000-7000-8000-000000000000")).status).toBe(404);
    expect((await sim.call("GET", "/sim/nothing")).status).toBe(404);
    const before = await sim.clock();
    const after = await sim.advance(90);
    expect(after.offsetSeconds).toBe(before.offsetSeconds + 90);
  });
});

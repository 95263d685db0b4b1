// Pending work survives kill -9 (CONTRACT.md section 6): a delayed call, a queued request, a
// ringing call and a result POST waiting for its retry all resume after a restart on the same
// database, and each call and each delivery happens exactly once.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REQUEST_EXAMPLES } from "@webcallback/core";
import { SqliteStore } from "@webcallback/server";
import { afterEach, describe, expect, it } from "vitest";
import { given, type Params, send } from "./support/callback-client.ts";
import { startReceiver } from "./support/receiver.ts";
import { type ServerProcess, startServer } from "./support/server-process.ts";
import { SimClient } from "./support/sim-client.ts";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const CALL_NOW = REQUEST_EXAMPLES.Example1CallNow.value as Params;
const WHEN_AVAILABLE = REQUEST_EXAMPLES.Example3WhenAgentAvailable.value as Params;

async function accept(server: ServerProcess, params: Params): Promise<string> {
  const answer = await send(server.url, given(params, { back: null }));
  expect(answer.status, answer.text).toBe(202);
  return (answer.json as { interaction_guid: string }).interaction_guid;
}

async function tempDb(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), "wc-restart-"));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return ["--db", join(dir, "wc.db"), "--log-level", "warn"];
}

/** Calls stored in the server's file, read beside the running server (WAL). */
async function countCalls(file: string): Promise<number> {
  const store = new SqliteStore(file, { readOnly: true });
  try {
    return (await store.listCalls({ limit: 100_000 })).length;
  } finally {
    await store.close();
  }
}

async function start(args: string[]): Promise<{ server: ServerProcess; sim: SimClient }> {
  const server = await startServer({ args });
  cleanups.push(() => server.stop("SIGKILL"));
  return { server, sim: new SimClient(server.url) };
}

describe("kill -9 with work pending in every state", () => {
  it("resumes the delayed, queued, ringing and retrying work once each", async () => {
    const receiver = await startReceiver();
    cleanups.push(() => receiver.close());
    const args = await tempDb();
    const first = await start(args);
    const hook = (tag: string) => `[ctl_callbackUrl|${receiver.url}/${tag}][guid|$interaction_guid$]`;

    await first.sim.putAgent("agent-1", { state: "offline" });
    const delayed = await accept(first.server, given(CALL_NOW, { callback_delay: "300", ctl_userdata: hook("delayed") }));
    const queued = await accept(first.server, given(WHEN_AVAILABLE, { ctl_userdata: hook("queued") }));
    const ringing = await accept(first.server, given(CALL_NOW, { phone: "16505550100", ctl_userdata: hook("ringing") }));
    receiver.answerWith(500);
    const retrying = await accept(first.server, given(CALL_NOW, { phone: "15005550001", ctl_userdata: hook("retrying") }));
    await receiver.waitFor(1);
    await first.sim.advance(1);

    expect((await first.sim.interaction(delayed)).state).toBe("pending");
    expect((await first.sim.interaction(queued)).state).toBe("queued");
    expect((await first.sim.calls(ringing)).map((c) => c.state)).toEqual(["ringing"]);
    expect(await first.sim.deliveries(retrying)).toMatchObject([{ state: "pending", attempts: 1, lastStatus: 500 }]);
    const offsetBefore = (await first.sim.clock()).offsetSeconds;

    expect(await first.server.stop("SIGKILL")).toBeNull();

    const second = await start(args);
    const sim = second.sim;
    expect((await sim.clock()).offsetSeconds).toBe(offsetBefore);
    // Nothing moved while the server was down, and nothing ran twice at start-up.
    expect((await sim.calls(delayed)).length).toBe(0);
    expect((await sim.calls(ringing)).length).toBe(1);

    await sim.advance(2);
    expect((await sim.calls(ringing)).map((c) => c.state)).toEqual(["answered"]);
    await sim.putAgent("agent-1", { state: "available" });
    expect((await sim.calls(queued)).map((c) => c.leg)).toEqual(["agent", "customer"]);
    await sim.advance(400);

    for (const guid of [delayed, queued, ringing, retrying]) {
      const customerLegs = (await sim.calls(guid)).filter((c) => c.leg === "customer");
      expect(customerLegs, `calls of ${guid}`).toHaveLength(1);
      expect(customerLegs[0]?.state).toBe("ended");
      expect(await sim.deliveries(guid), `delivery of ${guid}`).toMatchObject([{ state: "delivered" }]);
    }
    // One POST each, plus the retry of the one that got a 500 first.
    const byGuid = new Map<string, number>();
    for (const r of receiver.received) {
      const guid = new URLSearchParams(r.body).get("guid") ?? "";
      byGuid.set(guid, (byGuid.get(guid) ?? 0) + 1);
    }
    expect(Object.fromEntries(byGuid)).toEqual({ [delayed]: 1, [queued]: 1, [ringing]: 1, [retrying]: 2 });
    const keys = receiver.received.filter((r) => r.path === "/retrying").map((r) => r.headers["idempotency-key"]);
    expect(new Set(keys).size).toBe(1);
  });

  it("calls nobody twice when killed in the middle of a clock advance", async () => {
    const args = await tempDb();
    const db = args[1] as string;
    const first = await start(args);
    const count = 1000;
    const guids: string[] = [];
    for (let i = 0; i < count; i += 50) {
      const batch = Array.from({ length: 50 }, (_, j) =>
        accept(first.server, given(CALL_NOW, { phone: `1650555${String(i + j).padStart(4, "0")}`, callback_delay: String(10 + i + j) })),
      );
      guids.push(...(await Promise.all(batch)));
    }
    // Each call falls due at its own second; the kill lands while the advance works through them.
    const advancing = first.sim.advance(1100).catch(() => undefined);
    const deadline = Date.now() + 5000;
    // Read from the file, not /sim/calls, which would wait for the advance to finish.
    while ((await countCalls(db)) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
    await first.server.stop("SIGKILL");
    await advancing;

    const second = await start(args);
    const placedBefore = (await second.sim.calls()).length;
    console.log(`restart test: ${placedBefore} of ${count} calls were placed before the kill`);
    expect(placedBefore, "the kill should land in the middle of the advance").toBeGreaterThan(0);
    expect(placedBefore).toBeLessThan(count);
    await second.sim.advance(1200);
    const calls = await second.sim.calls();
    const perGuid = new Map<string, number>();
    for (const call of calls) perGuid.set(call.interactionGuid, (perGuid.get(call.interactionGuid) ?? 0) + 1);
    for (const guid of guids) expect(perGuid.get(guid), `calls of ${guid}`).toBe(1);
    for (const call of calls) expect(call.state).toBe("ended");
  });
});

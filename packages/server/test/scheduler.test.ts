// The scheduler with a fake clock, an in-memory store and a fake sender: steps run at their
// due time and not before, one timer waits for the earliest job however many are pending,
// and a claim another worker holds is never run twice.
import type { CallbackRequest } from "@webcallback/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigDirectory } from "../src/config/config-directory.js";
import { demoConfig } from "../src/config/demo-directory.js";
import { SimulatedDialer } from "../src/dialer/simulated-dialer.js";
import { createLogger } from "../src/ops/logger.js";
import { SqliteStore } from "../src/store/sqlite-store.js";
import type { NewInteraction } from "../src/store/store.js";
import type { SendResult, WebhookSender } from "../src/webhooks/sender.js";
import { planIntake } from "../src/work/intake-plan.js";
import { OffsetClock } from "../src/work/offset-clock.js";
import { Scheduler } from "../src/work/scheduler.js";

const T0 = Date.UTC(2026, 11, 2, 12, 0, 0);
const directory = new ConfigDirectory(demoConfig());

function request(delaySeconds: number, n = 0): CallbackRequest {
  return {
    tenant: "Acme",
    phone: `1650555${String(n).padStart(4, "0")}`,
    callerId: { kind: "channel", number: "18006664444" },
    back: undefined,
    dialplanId: undefined,
    userData: [{ name: "k", value: "$interaction_guid$" }],
    systemData: [],
    callbackUrl: "http://127.0.0.1:9/r",
    extTransactionData: [],
    callbackType: 1,
    channelNumber: "18006661212",
    delaySeconds,
  };
}

function interaction(delaySeconds: number, n = 0, now = T0): NewInteraction {
  const guid = `00000000-0000-7000-8000-${String(n).padStart(12, "0")}`;
  const r = request(delaySeconds, n);
  const plan = planIntake(r, now, guid);
  return {
    interactionGuid: guid,
    tenant: "Acme",
    callbackType: 1,
    phone: r.phone,
    request: r,
    acceptedAt: now,
    dueAt: plan.dueAt,
    expiresAt: plan.expiresAt,
    state: plan.state,
  };
}

class FakeSender {
  readonly posts: { url: string; body: string; headers: Readonly<Record<string, string>> }[] = [];
  answers: SendResult[] = [];
  async post(url: string, body: string, headers: Readonly<Record<string, string>>): Promise<SendResult> {
    this.posts.push({ url, body, headers });
    return this.answers.shift() ?? { status: 200 };
  }
  close(): void {}
}

function setup() {
  let real = T0;
  const clock = new OffsetClock(0, () => real);
  const store = new SqliteStore(":memory:");
  const sender = new FakeSender();
  const scheduler = new Scheduler({
    store,
    clock,
    dialer: new SimulatedDialer(),
    tenant: (name) => directory.tenant(name),
    sender: sender as unknown as WebhookSender,
    log: createLogger({ level: "silent" }),
    delivery: { retryForMs: 86_400_000 },
  });
  return { clock, store, sender, scheduler, tick: (ms: number) => (real += ms) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("Scheduler", () => {
  it("places a delayed call at its due time, not before, and posts the result after hang-up", async () => {
    const { store, sender, scheduler } = setup();
    await store.addInteraction(interaction(300));
    await scheduler.start();
    await scheduler.advance(299.999);
    expect(await store.listCalls()).toEqual([]);
    await scheduler.advance(0.001);
    const [call] = await store.listCalls();
    expect(call).toMatchObject({ state: "ringing", placedAt: T0 + 300_000, callerId: "18006664444", numberDialled: "16505550000" });
    await scheduler.advance(2 + 30);
    expect((await store.listCalls())[0]).toMatchObject({
      state: "ended",
      outcome: "completed",
      answeredAt: T0 + 302_000,
      endedAt: T0 + 332_000,
      ivrScript: "Acme main menu",
    });
    expect(sender.posts).toHaveLength(1);
    expect(sender.posts[0]?.body).toBe(
      `k=${interaction(300).interactionGuid}&ctl_result=completed&ctl_interaction_guid=${interaction(300).interactionGuid}`,
    );
    expect(sender.posts[0]?.headers["webcallback-signature"]).toMatch(new RegExp(`^t=${(T0 + 332_000) / 1000},v1=[0-9a-f]{64}$`));
    await scheduler.stop();
  });

  it("keeps one timer, for the earliest job, however many are pending", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { store, scheduler } = setup();
    for (let n = 0; n < 500; n++) await store.addInteraction(interaction(600 + n, n));
    await scheduler.start();
    await scheduler.settle();
    expect(vi.getTimerCount()).toBe(1);
    for (let n = 500; n < 600; n++) {
      const accepted = interaction(60 + n, n);
      await store.addInteraction(accepted);
      scheduler.accepted(accepted);
    }
    await scheduler.settle();
    expect(vi.getTimerCount()).toBe(1);
    await scheduler.stop();
  });

  it("runs a due job once even when a second worker shares the store", async () => {
    const { store, scheduler, clock } = setup();
    const other = new Scheduler({
      store,
      clock,
      dialer: new SimulatedDialer(),
      tenant: (name) => directory.tenant(name),
      sender: new FakeSender() as unknown as WebhookSender,
      log: createLogger({ level: "silent" }),
      delivery: { retryForMs: 86_400_000 },
    });
    for (let n = 0; n < 50; n++) await store.addInteraction(interaction(0, n));
    await Promise.all([scheduler.settle(), other.settle(), scheduler.settle(), other.settle()]);
    const calls = await store.listCalls();
    expect(calls).toHaveLength(50);
    expect(new Set(calls.map((c) => c.interactionGuid)).size).toBe(50);
    await scheduler.stop();
    await other.stop();
  });

  it("retries a failed POST with backoff on the server clock, with one Idempotency-Key", async () => {
    const { store, sender, scheduler } = setup();
    sender.answers = [{ status: 503 }, { error: "connect ECONNREFUSED" }, { status: 200 }];
    const accepted = { ...interaction(0), request: { ...request(0), phone: "15005550001" } };
    await store.addInteraction(accepted);
    await scheduler.settle();
    expect(sender.posts).toHaveLength(1);
    await scheduler.advance(9.999);
    expect(sender.posts).toHaveLength(1);
    await scheduler.advance(0.001);
    expect(sender.posts).toHaveLength(2);
    await scheduler.advance(20);
    expect(sender.posts).toHaveLength(3);
    expect(new Set(sender.posts.map((p) => p.headers["idempotency-key"])).size).toBe(1);
    expect(await store.listDeliveries()).toMatchObject([{ state: "delivered", attempts: 3 }]);
    await scheduler.stop();
  });
});

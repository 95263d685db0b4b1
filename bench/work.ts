// The work after intake, through the real `webcallback serve` child on loopback:
//   (1) restart with 100,000 pending delayed callbacks in the file: recovery time (spawn to the
//       first /sim/clock answer, which waits for the scheduler's first pass) and RSS, against
//       the same start on an empty file;
//   (2) lateness of 1,000 callbacks that fall due in the same second of real time: when each
//       call was placed (GET /sim/calls) minus its due time (the 202's call_at); the baseline is
//       how late 1,000 plain setTimeout timers in this process fire for the same second;
//   (3) result POSTs per second to a local receiver: N busy calls fall due together under one
//       clock advance and each posts its result; the baseline is this process POSTing the same
//       bodies to the same receiver with node:http (keep-alive, 64 at once).
// Knobs: BENCH_PENDING (100000), BENCH_DUE_TOGETHER (1000), BENCH_DELIVERIES (2000).
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { Agent, createServer, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallbackRequest } from "@webcallback/core";
import { newInteractionGuid, SqliteStore } from "@webcallback/server";
import { send } from "../test/support/callback-client.ts";
import { startServer } from "../test/support/server-process.ts";
import { SimClient } from "../test/support/sim-client.ts";
import { formatNumber, ratio, table } from "./measure.ts";

const PENDING = Number(process.env.BENCH_PENDING ?? 100_000);
const DUE_TOGETHER = Number(process.env.BENCH_DUE_TOGETHER ?? 1000);
const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 2000);
const TOKEN = "fb65d0515b9631c6db72e7e66fe6df49";

const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

function rssKb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? Number.NaN);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const REQUEST: CallbackRequest = {
  tenant: "Acme",
  phone: "16505551212",
  callerId: { kind: "tenant-default", number: "18006660000" },
  back: undefined,
  dialplanId: undefined,
  userData: [{ name: "source", value: "bench" }],
  systemData: [],
  callbackUrl: undefined,
  extTransactionData: [],
  callbackType: 1,
  channelNumber: "18006661212",
  delaySeconds: 86_400,
};

async function fillStore(file: string, count: number): Promise<void> {
  const store = new SqliteStore(file);
  const now = Date.now();
  for (let i = 0; i < count; i += 5000) {
    const batch: Promise<void>[] = [];
    for (let j = i; j < Math.min(count, i + 5000); j++) {
      batch.push(
        store.addInteraction({
          interactionGuid: newInteractionGuid(now + j),
          tenant: "Acme",
          callbackType: 1,
          phone: REQUEST.phone,
          request: REQUEST,
          acceptedAt: now,
          dueAt: now + 86_400_000 + j,
          expiresAt: null,
          state: "pending",
        }),
      );
    }
    await Promise.all(batch);
  }
  await store.close();
}

/** Spawn to the first /sim/clock answer; then the child's RSS. */
async function timedStart(db: string): Promise<{ ms: number; rss: number }> {
  const started = performance.now();
  const server = await startServer({ args: ["--db", db, "--log-level", "warn"], readyTimeoutMs: 60_000 });
  try {
    await new SimClient(server.url).clock();
    const ms = performance.now() - started;
    return { ms, rss: rssKb(server.child.pid) };
  } finally {
    await server.stop();
  }
}

async function benchRecovery(dir: string): Promise<string> {
  const empty = join(dir, "empty.db");
  const full = join(dir, "full.db");
  await fillStore(empty, 0);
  const filled = performance.now();
  await fillStore(full, PENDING);
  const fillMs = performance.now() - filled;
  const base = await timedStart(empty);
  const loaded = await timedStart(full);
  return [
    `### Restart with ${formatNumber(PENDING)} pending delayed callbacks`,
    "",
    `The file was filled through SqliteStore.addInteraction in ${(fillMs / 1000).toFixed(1)} s. Recovery: spawning \`webcallback serve\` ` +
      "on the file until /sim/clock answers (it waits for the scheduler's first pass); the baseline is the same on an empty file.",
    "",
    table(
      ["file", "recovery ms", "ratio to empty", "target", "RSS", "target"],
      [
        [
          `${formatNumber(PENDING)} pending`,
          loaded.ms.toFixed(0),
          ratio(loaded.ms, base.ms),
          `< 3000 ms: ${verdict(loaded.ms < 3000)}`,
          mb(loaded.rss),
          `< 300 MB: ${verdict(loaded.rss < 300 * 1024)}`,
        ],
        ["empty (baseline)", base.ms.toFixed(0), "1.00x", "", mb(base.rss), ""],
      ],
    ),
  ].join("\n");
}

async function timerLateness(count: number, at: number): Promise<number[]> {
  const late: number[] = [];
  await Promise.all(
    Array.from({ length: count }, (_, i) => {
      const due = at + (i * 1000) / count;
      return new Promise<void>((resolve) =>
        setTimeout(
          () => {
            late.push(Date.now() - due);
            resolve();
          },
          Math.max(0, due - Date.now()),
        ),
      );
    }),
  );
  return late.sort((a, b) => a - b);
}

async function benchLateness(): Promise<string> {
  const server = await startServer({ args: ["--db", ":memory:", "--log-level", "warn"] });
  try {
    const sim = new SimClient(server.url);
    const agent = new Agent({ keepAlive: true, maxSockets: 32 });
    // Every request falls due in the same second of real time: [target, target + 1 s).
    const target = Math.ceil(Date.now() / 1000) * 1000 + 6000;
    const dueAt = new Map<string, number>();
    for (let i = 0; i < DUE_TOGETHER; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, DUE_TOGETHER - i) }, async (_, j) => {
          const delay = Math.ceil((target - Date.now()) / 1000);
          const answer = await send(server.url, {
            tenant: "Acme",
            token: TOKEN,
            phone: `1650555${String(i + j).padStart(4, "0")}`,
            callback_type: "1",
            channel_number: "18006661212",
            callback_delay: String(delay),
          });
          const body = answer.json as { interaction_guid: string; call_at: string };
          dueAt.set(body.interaction_guid, Date.parse(body.call_at));
        }),
      );
    }
    agent.destroy();
    const times = [...dueAt.values()];
    const spread = Math.max(...times) - Math.min(...times);
    // Wait in real time until every one is due and placed.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.max(...times) - Date.now()) + 500));
    const calls = await sim.calls();
    const late = calls.map((call) => Date.parse(call.placedAt) - (dueAt.get(call.interactionGuid) ?? Number.NaN)).sort((a, b) => a - b);
    const baseline = await timerLateness(DUE_TOGETHER, Math.ceil(Date.now() / 1000) * 1000 + 1000);
    const p99 = percentile(late, 99);
    return [
      `### Lateness of ${formatNumber(DUE_TOGETHER)} callbacks due in the same second`,
      "",
      `Due times spread over ${spread} ms; ${calls.length} calls placed. Lateness: placedAt minus the 202's call_at (server clock, ms). ` +
        "Baseline: as many setTimeout timers in this process spread over one second.",
      "",
      table(
        ["case", "p50 ms", "p99 ms", "max ms", "target"],
        [
          [
            "scheduler (one timer, claims in batches)",
            String(percentile(late, 50)),
            String(p99),
            String(late.at(-1)),
            `p99 < 50 ms: ${verdict(p99 < 50 && calls.length === DUE_TOGETHER)}`,
          ],
          ["setTimeout baseline", String(percentile(baseline, 50)), String(percentile(baseline, 99)), String(baseline.at(-1)), ""],
        ],
      ),
    ].join("\n");
  } finally {
    await server.stop();
  }
}

async function benchDeliveries(): Promise<string> {
  let received = 0;
  let firstAt = 0;
  let lastAt = 0;
  const receiver = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      if (received++ === 0) firstAt = performance.now();
      lastAt = performance.now();
      res.end("ok");
    });
  });
  receiver.listen(0, "127.0.0.1");
  await once(receiver, "listening");
  const port = (receiver.address() as { port: number }).port;
  const server = await startServer({ args: ["--db", ":memory:", "--log-level", "warn"] });
  try {
    const sim = new SimClient(server.url);
    for (let i = 0; i < DELIVERIES; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, DELIVERIES - i) }, (_, j) =>
          send(server.url, {
            tenant: "Acme",
            token: TOKEN,
            phone: "15005550001",
            callback_type: "1",
            channel_number: "18006661212",
            callback_delay: "60",
            ctl_userdata: `[ctl_callbackUrl|http://127.0.0.1:${port}/r][n|${i + j}][guid|$interaction_guid$]`,
          }),
        ),
      );
    }
    const started = performance.now();
    await sim.advance(61);
    const advanceMs = performance.now() - started;
    const perSecond = DELIVERIES / (advanceMs / 1000);
    const serverCount = received;
    const receivedPerSecond = serverCount / Math.max(0.001, (lastAt - firstAt) / 1000);

    // Baseline: the same number of POSTs straight from this process.
    received = 0;
    const agent = new Agent({ keepAlive: true, maxSockets: 64 });
    const body = "n=1&guid=00000000-0000-7000-8000-000000000000&ctl_result=busy&ctl_interaction_guid=00000000-0000-7000-8000-000000000000";
    const post = () =>
      new Promise<void>((resolve, reject) => {
        const req = request(
          `http://127.0.0.1:${port}/r`,
          { method: "POST", agent, headers: { "content-type": "application/x-www-form-urlencoded" } },
          (res) => {
            res.resume();
            res.on("end", () => resolve());
          },
        );
        req.on("error", reject);
        req.end(body);
      });
    const baseStarted = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (next++ < DELIVERIES) await post();
      }),
    );
    const basePerSecond = DELIVERIES / ((performance.now() - baseStarted) / 1000);
    agent.destroy();
    return [
      "### Result POSTs to a local receiver",
      "",
      `${formatNumber(DELIVERIES)} busy calls fall due under one clock advance; each ends at once and POSTs its signed result ` +
        `(up to 64 at once). The advance answered after ${advanceMs.toFixed(0)} ms with ${formatNumber(serverCount)} POSTs received ` +
        `(first to last: ${(lastAt - firstAt).toFixed(0)} ms). Baseline: the same number of POSTs from this process with node:http.`,
      "",
      table(
        ["case", "deliveries/s", "ratio to baseline"],
        [
          ["server: call ends, result POSTed (whole advance)", formatNumber(perSecond), ratio(perSecond, basePerSecond)],
          ["server: first to last POST received", formatNumber(receivedPerSecond), ratio(receivedPerSecond, basePerSecond)],
          ["node:http POSTs from the bench (baseline)", formatNumber(basePerSecond), "1.00x"],
        ],
      ),
    ].join("\n");
  } finally {
    await server.stop();
    receiver.closeAllConnections();
    receiver.close();
  }
}

export async function benchWork(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "wc-bench-work-"));
  try {
    return [await benchRecovery(dir), await benchLateness(), await benchDeliveries()].join("\n\n");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// Durability across a hard crash (CONTRACT.md section 6): every request the server acknowledged
// with 202 was committed before the answer, so it survives kill -9 exactly once.
import { mkdtemp, rm } from "node:fs/promises";
import { Agent } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENDPOINT_PATH } from "@webcallback/core";
import { afterEach, describe, expect, it } from "vitest";
import { runPool, seededRandom } from "./support/concurrency.ts";
import { postForm } from "./support/http-post.ts";
import { type ServerProcess, startServer } from "./support/server-process.ts";
import { readStoredRequests } from "./support/store-reader.ts";

const TOKEN = "fb65d0515b9631c6db72e7e66fe6df49";
const CHANNEL = "18006661212";
const FIRST_WAVE = 200;
const SECOND_WAVE = 300;
const FIRST_CONCURRENCY = 16;
const SECOND_CONCURRENCY = 32;

// Each request carries its own phone number and marker, so a stored row can be traced back to it.
const phoneOf = (n: number) => `1650555${String(n).padStart(4, "0")}`;
const markerOf = (n: number) => `[req|${n}]`;

interface Outcome {
  readonly status?: number;
  readonly guid?: string;
  readonly error?: string;
}

async function send(url: string, agent: Agent, n: number): Promise<Outcome> {
  const body = new URLSearchParams({
    tenant: "Acme",
    token: TOKEN,
    phone: phoneOf(n),
    callback_type: "1",
    channel_number: CHANNEL,
    ctl_userdata: markerOf(n),
  }).toString();
  try {
    const answer = await postForm(`${url}${ENDPOINT_PATH}`, body, agent);
    if (answer.status !== 202) return { status: answer.status, error: answer.body };
    const json = JSON.parse(answer.body) as { status?: unknown; interaction_guid?: unknown };
    if (json.status !== "accepted" || typeof json.interaction_guid !== "string") return { status: 202, error: answer.body };
    return { status: 202, guid: json.interaction_guid };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

// Both ways of committing: on the event loop (the default) and on the writer thread.
describe.each([
  { mode: "commits on the event loop", extra: [] as string[] },
  { mode: "--writer-thread", extra: ["--writer-thread"] },
])("kill -9 while requests are in flight ($mode)", ({ extra }) => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it("keeps every acknowledged request exactly once and comes back ready", async () => {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seededRandom(seed);
    const dir = await mkdtemp(join(tmpdir(), "wc-crash-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const db = join(dir, "wc.db");
    const agent = new Agent({ keepAlive: true, maxSockets: SECOND_CONCURRENCY });
    cleanups.push(async () => agent.destroy());
    const args = ["--db", db, "--log-level", "warn", ...extra];

    const first = await startServer({ args });
    cleanups.push(() => first.stop("SIGKILL"));

    // Which request each acknowledged guid belongs to; a guid answered twice is noted, not thrown,
    // because the pool would swallow a throw from inside a task.
    const acknowledged = new Map<string, number>();
    const answeredTwice: string[] = [];
    const acknowledge = (guid: string, n: number) => {
      if (acknowledged.has(guid)) answeredTwice.push(guid);
      acknowledged.set(guid, n);
    };

    // Wave 1: all must be accepted; the pace of its second half (past JIT warm-up) sizes the
    // random kill window of wave 2.
    const firstStarted = performance.now();
    let halfwayAt = firstStarted;
    let firstSettled = 0;
    const firstIndexes = Array.from({ length: FIRST_WAVE }, (_, i) => i);
    const firstFailures: string[] = [];
    await runPool(firstIndexes, { limit: FIRST_CONCURRENCY }, async (n) => {
      const outcome = await send(first.url, agent, n);
      if (outcome.guid === undefined) firstFailures.push(`#${n}: ${outcome.status ?? "-"} ${outcome.error ?? ""}`);
      else acknowledge(outcome.guid, n);
      if (++firstSettled === FIRST_WAVE / 2) halfwayAt = performance.now();
    });
    const firstEnded = performance.now();
    const firstMs = firstEnded - firstStarted;
    expect(firstFailures, firstFailures.slice(0, 5).join("\n")).toEqual([]);
    expect(answeredTwice, "one guid given to two requests").toEqual([]);

    // Wave 2: kill at a seeded moment inside the expected duration, or at the latest when only
    // two rounds of requests are left, so the kill always lands with requests in flight.
    const expectedSecondMs = ((firstEnded - halfwayAt) / (FIRST_WAVE / 2)) * SECOND_WAVE;
    const delayMs = Math.round(2 + random() * expectedSecondMs * 0.8);
    const secondIndexes = Array.from({ length: SECOND_WAVE }, (_, i) => FIRST_WAVE + i);
    const inFlight = new Set<number>();
    const httpErrors: string[] = [];
    let settled = 0;
    let killed: { readonly trigger: string; readonly atMs: number; readonly inFlight: number; readonly acked: number } | undefined;
    let secondAcked = 0;
    const secondStarted = performance.now();
    const kill = (trigger: string) => {
      if (killed !== undefined) return;
      killed = { trigger, atMs: Math.round(performance.now() - secondStarted), inFlight: inFlight.size, acked: secondAcked };
      first.child.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill("timer"), delayMs);
    const started = await runPool(secondIndexes, { limit: SECOND_CONCURRENCY, stopped: () => killed !== undefined }, async (n) => {
      inFlight.add(n);
      const outcome = await send(first.url, agent, n);
      inFlight.delete(n);
      settled++;
      if (outcome.guid !== undefined) {
        acknowledge(outcome.guid, n);
        secondAcked++;
      } else if (outcome.status !== undefined) {
        httpErrors.push(`#${n}: ${outcome.status} ${outcome.error ?? ""}`);
      }
      if (settled >= SECOND_WAVE - 2 * SECOND_CONCURRENCY) kill("backstop");
    });
    clearTimeout(timer);
    const exitCode = await first.stop("SIGKILL");
    const kill9 = killed;
    if (kill9 === undefined) throw new Error("the server was never killed");

    console.log(
      `crash test: seed ${seed}; wave 1: ${FIRST_WAVE} accepted in ${Math.round(firstMs)} ms; ` +
        `wave 2: kill planned at ${delayMs} ms, fired by ${kill9.trigger} at ${kill9.atMs} ms with ${kill9.inFlight} in flight; ` +
        `${secondAcked} of ${started} started acknowledged (${kill9.acked} before the signal, the rest already on the wire); ` +
        `${acknowledged.size} acknowledged in all`,
    );
    expect(exitCode, "the first server should have died from the signal").toBeNull();
    expect(kill9.inFlight, "the kill should land while requests are in flight").toBeGreaterThan(0);
    // The server answers only 202 here: the kill shows up as dropped connections, never as an HTTP error.
    expect(httpErrors, httpErrors.slice(0, 5).join("\n")).toEqual([]);
    expect(answeredTwice, "one guid given to two requests").toEqual([]);

    const second: ServerProcess = await startServer({ args });
    cleanups.push(() => second.stop());
    const ready = await fetch(`${second.url}/readyz`);
    expect(ready.status).toBe(200);

    const rows = await readStoredRequests(db);
    console.log(`crash test: ${rows.length} stored after the restart for ${acknowledged.size} acknowledged`);
    const byGuid = new Map<string, number>();
    const byPhone = new Map<string, number>();
    const byMarker = new Map<string, number>();
    for (const row of rows) {
      byGuid.set(row.guid, (byGuid.get(row.guid) ?? 0) + 1);
      byPhone.set(row.phone, (byPhone.get(row.phone) ?? 0) + 1);
      byMarker.set(row.userdata, (byMarker.get(row.userdata) ?? 0) + 1);
    }
    const missing = [...acknowledged].filter(([guid]) => !byGuid.has(guid));
    expect(missing, `acknowledged but not stored: ${missing.slice(0, 5).join(", ")}`).toEqual([]);
    const twice = [...byGuid].filter(([, count]) => count > 1);
    expect(twice, "a guid stored more than once").toEqual([]);
    const repeatedPhones = [...byPhone].filter(([, count]) => count > 1);
    expect(repeatedPhones, "a request stored more than once").toEqual([]);
    const repeatedMarkers = [...byMarker].filter(([, count]) => count > 1);
    expect(repeatedMarkers, "a marker stored more than once").toEqual([]);

    // Each acknowledged guid holds the request it was given for, marker included.
    const rowByGuid = new Map(rows.map((row) => [row.guid, row]));
    for (const [guid, n] of acknowledged) {
      const row = rowByGuid.get(guid);
      expect(row?.phone, `phone of ${guid}`).toBe(phoneOf(n));
      expect(row?.userdata ?? "", `marker of ${guid}`).toContain(markerOf(n));
    }
    // Nothing is stored that was never sent: every stored phone belongs to a request that was started.
    const sentPhones = new Set([...firstIndexes, ...secondIndexes.slice(0, started)].map(phoneOf));
    const strangers = rows.filter((row) => !sentPhones.has(row.phone));
    expect(strangers, "stored rows that were never sent").toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(acknowledged.size);
  }, 60_000);
});

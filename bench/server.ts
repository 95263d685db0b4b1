// HTTP throughput of the real server against a bare node:http server, measured the same way.
//
// Method: each server runs as its own child process on 127.0.0.1 (the reference server through
// `webcallback serve`, as the crash test and a partner start it); the load generator
// (bench/load.ts: wrk, else autocannon) uses the same connections and POST body for every case. Cases:
//   (a) a rejected request: Acme with a wrong token, JSON mode, expected 401 (ctl_error 3);
//   (b) an accepted type-1 request, JSON mode, expected 202, committed to a fresh SQLite file
//       (WAL) before each answer; callback_delay is one day so the simulated calls stay pending
//       and the run measures intake and commit, not simulated telephony;
//   (c) the baseline: a bare node:http server that drains the body and answers a fixed JSON body;
//   (d) the Prism mock (`webcallback mock`, quiet logging) on the same accepted request: the
//       reference server, durable commit included, should answer at least 5x its requests/s;
//   (e) as (b) on a second server started with --writer-thread (commits on a worker thread).
// After a warm-up of each case, the cases take turns for several rounds (c, a, b, c, a, b, …) so
// a noisy neighbour on 2 cores hits all of them alike; requests/s is the best round of each, and
// ratios are to (c) from the same run. The server's CPU time (utime + stime of the child, all
// threads) per answered request is printed too: it does not depend on whether the load generator
// or the server was the bottleneck. Every response of a case, warm-up included, must carry its
// expected status; other statuses, socket errors and timeouts are counted and reported.
// The server's memory is read from /proc/<pid>/status (VmRSS now, VmHWM peak) after the load.
// Knobs: BENCH_SECONDS (10 per case, split over the rounds), BENCH_ROUNDS (3),
// BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (32), BENCH_LOG_LEVEL (warn),
// BENCH_CPU_PROF=<dir> to write a V8 CPU profile of the server child, BENCH_LOAD=autocannon
// to use autocannon even where wrk is installed.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ENDPOINT_PATH } from "@webcallback/core";
import { CLI, freePort, startServer } from "../test/support/server-process.ts";
import { countStoredRequests } from "../test/support/store-reader.ts";
import type { ChartBar } from "./chart.ts";
import { type LoadResult, loadGenerator } from "./load.ts";
import { formatNumber, ratio, table } from "./measure.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? "warn";
const CPU_PROFILE_DIR = process.env.BENCH_CPU_PROF;
/** Linux reports utime and stime in clock ticks of 1/100 s (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

const PATH = ENDPOINT_PATH;
const FORM = { "content-type": "application/x-www-form-urlencoded" } as const;
const generator = loadGenerator();
const accepted = new URLSearchParams({
  tenant: "Acme",
  token: "fb65d0515b9631c6db72e7e66fe6df49",
  phone: "16505551212",
  callback_type: "1",
  channel_number: "18006661212",
  callback_delay: "86400",
  ctl_userdata: "[source|bench]",
}).toString();
const rejected = accepted.replace("token=fb65d0515b9631c6db72e7e66fe6df49", "token=fb65d0515b9631c6db72e7e66fe6df4x");

// Drains the body like a real handler must, then answers with a body shaped like the 202 answer.
const BARE_SERVER = `
const http = require("node:http");
const body = '{"status":"accepted","interaction_guid":"00000000-0000-4000-8000-000000000000","callback_type":1,"call_at":"2026-01-01T00:00:00.000Z"}';
http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(202, { "content-type": "application/json", "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
    res.end(body);
  });
}).listen(Number(process.argv[1]), "127.0.0.1");
`;

interface Case {
  readonly label: string;
  readonly url: string;
  readonly body: string;
  readonly expected: number;
  readonly pid: number | undefined;
}

/** Everything measured for one case, summed or kept over its warm-up and rounds. */
class Tally {
  bestPerSecond = 0;
  /** Requests/s of each measured round, in order. */
  readonly perRound: number[] = [];
  worstP99 = 0;
  p50OfBest = 0;
  /** Responses in the measured rounds. */
  responses = 0;
  /** Responses with the expected status, warm-up included. */
  expectedResponses = 0;
  /** Responses with another status, plus socket errors and timeouts, warm-up included. */
  unexpected = 0;
  errors = 0;
  timeouts = 0;
  cpuSeconds = 0;
  wallSeconds = 0;
  readonly statuses = new Map<string, number>();

  /** CPU seconds of the main thread (the event loop) alone. */
  loopSeconds = 0;

  add(result: LoadResult, expected: number, measured: boolean, cpu: { all: number; loop: number }): void {
    let responses = 0;
    for (const [status, count] of Object.entries(result.statuses)) {
      responses += count;
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + count);
      if (Number(status) === expected) this.expectedResponses += count;
      else this.unexpected += count;
    }
    this.unexpected += result.errors + result.timeouts;
    this.errors += result.errors;
    this.timeouts += result.timeouts;
    if (!measured) return;
    this.responses += responses;
    this.cpuSeconds += cpu.all;
    this.loopSeconds += cpu.loop;
    this.wallSeconds += result.duration;
    const perSecond = result.total / result.duration;
    this.perRound.push(perSecond);
    if (perSecond > this.bestPerSecond) {
      this.bestPerSecond = perSecond;
      this.p50OfBest = result.p50Ms;
    }
    this.worstP99 = Math.max(this.worstP99, result.p99Ms);
  }

  detail(): string {
    const statuses = [...this.statuses].map(([status, count]) => `${status}: ${formatNumber(count)}`);
    return [...statuses, `errors: ${this.errors}`, `timeouts: ${this.timeouts}`].join(", ");
  }
}

/** CPU seconds used so far, user and system: of the whole process, or of one thread with `tid`. */
function cpuSeconds(pid: number | undefined, tid?: number): number {
  const stat = readFileSync(tid === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${tid}/stat`, "utf8");
  // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}

/** The process's CPU seconds, and its main thread's (whose thread id is the process id). */
function cpuNow(pid: number | undefined): { all: number; loop: number } {
  return { all: cpuSeconds(pid), loop: cpuSeconds(pid, pid) };
}

async function run(target: Case, tally: Tally, seconds: number, measured: boolean): Promise<void> {
  const before = cpuNow(target.pid);
  const result = await generator.run({ url: target.url, body: target.body, connections: CONNECTIONS, seconds });
  const after = cpuNow(target.pid);
  tally.add(result, target.expected, measured, { all: after.all - before.all, loop: after.loop - before.loop });
}

/** One request before the load, so a wrong answer shape fails loudly instead of being counted. */
async function probe(url: string, body: string, expected: number, check: (json: Record<string, unknown>) => boolean): Promise<void> {
  const response = await fetch(url, { method: "POST", headers: FORM, body });
  const text = await response.text();
  const json = JSON.parse(text) as Record<string, unknown>;
  if (response.status !== expected || !check(json))
    throw new Error(`bench: expected ${expected} from ${url}, got ${response.status} ${text}`);
}

async function startBare(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["-e", BARE_SERVER, String(port)], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error("bench: the bare server exited");
    try {
      await (await fetch(url)).text();
      return { url, child };
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error("bench: the bare server did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function memoryKb(pid: number | undefined): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const verdict = (ok: boolean) => (ok ? "met" : "**missed**");

/** A child `webcallback mock` on a free port, once it serves the accepted request. */
async function startPrismMock(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, "mock", "--port", String(port)], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error("bench: the mock exited");
    const status = await fetch(`${url}${PATH}`, { method: "POST", headers: FORM, body: accepted })
      .then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      })
      .catch(() => 0);
    if (status === 202) return { url, child };
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`bench: the mock did not serve the accepted request (last status ${status})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The HTTP cases of the last benchServer run, for the chart. */
export const lastServerBars: ChartBar[] = [];

export async function benchServer(): Promise<string> {
  const heading = "### HTTP server, loopback: real server against bare node:http";
  if (!existsSync(CLI)) return `${heading}\n\nSkipped: ${CLI} does not exist (run \`npm run build\`).`;

  const dir = await mkdtemp(join(tmpdir(), "wc-bench-"));
  const db = join(dir, "wc.db");
  const threadDb = join(dir, "wc-thread.db");
  const nodeArgs = CPU_PROFILE_DIR === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${CPU_PROFILE_DIR}`];
  const bare = await startBare();
  const mock = await startPrismMock();
  const server = await startServer({ args: ["--db", db, "--log-level", LOG_LEVEL], nodeArgs, readyTimeoutMs: 30_000 }).catch(
    (error: unknown) => {
      bare.child.kill("SIGKILL");
      mock.child.kill("SIGKILL");
      throw error;
    },
  );
  const threaded = await startServer({
    args: ["--db", threadDb, "--log-level", LOG_LEVEL, "--writer-thread"],
    readyTimeoutMs: 30_000,
  }).catch(async (error: unknown) => {
    bare.child.kill("SIGKILL");
    mock.child.kill("SIGKILL");
    await server.stop("SIGKILL");
    throw error;
  });
  const endpoint = `${server.url}${PATH}`;
  const cases = {
    c: { label: "(c) bare node:http, fixed body (202)", url: `${bare.url}${PATH}`, body: accepted, expected: 202, pid: bare.child.pid },
    a: { label: "(a) rejected, wrong token (401, ctl_error 3)", url: endpoint, body: rejected, expected: 401, pid: server.child.pid },
    b: {
      label: "(b) accepted type 1, committed to a SQLite file (202)",
      url: endpoint,
      body: accepted,
      expected: 202,
      pid: server.child.pid,
    },
    d: {
      label: "(d) Prism mock, the same accepted request (202)",
      url: `${mock.url}${PATH}`,
      body: accepted,
      expected: 202,
      pid: mock.child.pid,
    },
    e: {
      label: "(e) as (b), committed on a writer thread (`--writer-thread`)",
      url: `${threaded.url}${PATH}`,
      body: accepted,
      expected: 202,
      pid: threaded.child.pid,
    },
  } satisfies Record<string, Case>;
  const tallies = { c: new Tally(), a: new Tally(), b: new Tally(), d: new Tally(), e: new Tally() };
  const order = ["c", "a", "b", "d", "e"] as const;
  let memory: { rss: number; peak: number };
  let mockMemory: { rss: number; peak: number };
  let stored: number;
  let storedThreaded: number;
  try {
    await probe(endpoint, rejected, 401, (json) => json.ctl_error === 3);
    await probe(endpoint, accepted, 202, (json) => json.status === "accepted" && typeof json.interaction_guid === "string");
    if (WARMUP_SECONDS > 0) for (const key of order) await run(cases[key], tallies[key], WARMUP_SECONDS, false);
    for (let round = 0; round < ROUNDS; round++) {
      for (const key of order) await run(cases[key], tallies[key], SECONDS / ROUNDS, true);
    }
    memory = memoryKb(server.child.pid);
    mockMemory = memoryKb(mock.child.pid);
    stored = await countStoredRequests(db);
    storedThreaded = await countStoredRequests(threadDb);
  } finally {
    bare.child.kill("SIGKILL");
    mock.child.kill("SIGKILL");
    await threaded.stop("SIGTERM");
    // SIGTERM lets the server drain and, with BENCH_CPU_PROF, write its profile.
    await server.stop("SIGTERM");
    await rm(dir, { recursive: true, force: true });
  }
  const logBytes = server.output().length;

  const baseline = tallies.c.bestPerSecond;
  const row = (key: keyof typeof cases, target: string) => {
    const tally = tallies[key];
    return [
      cases[key].label,
      formatNumber(tally.bestPerSecond),
      ratio(tally.bestPerSecond, baseline),
      target,
      tally.p50OfBest.toFixed(0),
      tally.worstP99.toFixed(0),
      `${Math.round((100 * tally.cpuSeconds) / tally.wallSeconds)}%`,
      ((tally.cpuSeconds * 1e6) / tally.responses).toFixed(0),
      ((tally.loopSeconds * 1e6) / tally.responses).toFixed(0),
      formatNumber(tally.responses),
      tally.unexpected === 0 ? "0" : `**${formatNumber(tally.unexpected)}**`,
    ];
  };
  const aRatio = tallies.a.bestPerSecond / baseline;
  const bRatio = tallies.b.bestPerSecond / baseline;
  // Every 202 of (b), warm-up included, plus the probe must be a row; the generator may cut off
  // up to one request per connection at the end of each of its runs, committed but uncounted.
  const acknowledged = tallies.b.expectedResponses + 1;
  const acknowledgedThreaded = tallies.e.expectedResponses;
  const cutOff = CONNECTIONS * (ROUNDS + (WARMUP_SECONDS > 0 ? 1 : 0));
  const consistent = (rows: number, acked: number) => rows >= acked && rows <= acked + cutOff;
  const storedOk = consistent(stored, acknowledged) && consistent(storedThreaded, acknowledgedThreaded);
  const clean = order.every((key) => tallies[key].unexpected === 0) && storedOk;
  const best = Math.max(tallies.b.bestPerSecond, tallies.e.bestPerSecond);
  const overPrism = best / tallies.d.bestPerSecond;
  // The same ratio within each round, whose cases ran seconds apart: how much the host moved between rounds.
  const perRound = tallies.d.perRound.map(
    (prism, i) => `${(Math.max(tallies.b.perRound[i] ?? 0, tallies.e.perRound[i] ?? 0) / prism).toFixed(1)}x`,
  );
  lastServerBars.splice(
    0,
    lastServerBars.length,
    ...order.map((key) => ({ label: cases[key].label, perSecond: tallies[key].bestPerSecond, p99Ms: tallies[key].worstP99 })),
  );

  return [
    heading,
    "",
    `Load: ${generator.name}, ${CONNECTIONS} connections, POST form bodies of ${accepted.length} bytes; ` +
      `${generator.runsFor(WARMUP_SECONDS)} s of warm-up per case, then ${ROUNDS} rounds of ${order.join(", ")} at ${generator.runsFor(SECONDS / ROUNDS).toFixed(1)} s each ` +
      `(requests/s and p50: best round; p99: worst round). Each server in its own child process; ` +
      `the server started with \`--log-level ${LOG_LEVEL}\`${CPU_PROFILE_DIR === undefined ? "" : " and --cpu-prof"} ` +
      `(it wrote ${formatNumber(logBytes)} bytes of logs in all). CPU: the server child's user + system time ` +
      "over wall time (100% = one core), and per answered request, all threads and the main thread (the event loop) alone.",
    "",
    table(
      [
        "case",
        "requests/s",
        "ratio to (c)",
        "target",
        "p50 ms",
        "p99 ms",
        "server CPU",
        "CPU µs/request",
        "of which event loop",
        "responses",
        "unexpected",
      ],
      [
        row("a", `≥ 0.60x: ${verdict(aRatio >= 0.6)}`),
        row(
          "b",
          `≥ 0.25x: ${verdict(bRatio >= 0.25)}; the better of (b), (e) ≥ 5x (d): ${overPrism.toFixed(1)}x, ${verdict(overPrism >= 5)}`,
        ),
        row("c", "baseline"),
        row("d", "(b) ≥ 5x this"),
        row("e", "see (b)"),
      ],
    ),
    "",
    `The better of (b), (e) over (d) round by round: ${perRound.join(", ")} (the table compares each case's best round).`,
    "",
    "![requests/s and p99 latency of the cases above](server-chart.svg)",
    "",
    `Server memory after the load: RSS ${mb(memory.rss)}, peak ${mb(memory.peak)} (target: RSS < 150 MB: ${verdict(memory.rss < 150 * 1024)}); ` +
      `the Prism mock's: RSS ${mb(mockMemory.rss)}, peak ${mb(mockMemory.peak)} (${ratio(mockMemory.rss, memory.rss)} the server's).`,
    `Rows in the store after (b): ${formatNumber(stored)} for ${formatNumber(acknowledged)} acknowledged; after (e): ` +
      `${formatNumber(storedThreaded)} for ${formatNumber(acknowledgedThreaded)} ` +
      `(${storedOk ? "consistent" : "**inconsistent**"}: at most ${cutOff} more, cut off when the generator stops a run).`,
    "",
    clean ? "Every response carried its expected status." : "**This run had unexpected responses, errors or store rows:**",
    "",
    ...order.map((key) => `- (${key}): ${tallies[key].detail()}`),
  ].join("\n");
}

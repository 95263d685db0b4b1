// The conformance runner and the partner mock, timed beside the reference server.
//
// Method: (a) start-up: `webcallback serve --db :memory:` and `webcallback mock` each run as a
// child process on a free loopback port, from spawn until the server answers: /healthz 200 for
// the reference server; for the mock, until it listens (a request refused by the stateless
// checks, 400) and until Prism has loaded (an accepted request served from the document, 202).
// Best of BENCH_STARTS (3) starts each; ratios are to the reference server's start-up.
// (b) a full-profile conformance run (`runConformance`, profile full) against a fresh reference
// server, wall time, and the same run's stateless part against the mock; the scenarios advance
// the simulator's clock, never wait on it (skipped when the server has no /sim).
import { type ChildProcess, spawn } from "node:child_process";
import { runConformance } from "@webcallback/conformance";
import { ENDPOINT_PATH } from "@webcallback/core";
import { startMock } from "@webcallback/mock";
import { Collect } from "../test/support/collect.ts";
import { CLI, freePort, REPO_ROOT, startServer } from "../test/support/server-process.ts";
import { ratio, table } from "./measure.ts";

const STARTS = Math.max(1, Number(process.env.BENCH_STARTS ?? 3));
const ACCEPTED = "tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&phone=16505551212&callback_type=1&channel_number=18006661212";
const REFUSED = "tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&callback_type=1";

async function statusOf(url: string): Promise<number> {
  try {
    const response = await fetch(url);
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Milliseconds from spawn until `url` answers `status`; the child is stopped afterwards. */
async function timeUntil(child: ChildProcess, checks: readonly { url: string; status: number }[]): Promise<number[]> {
  const started = performance.now();
  const times: number[] = [];
  const deadline = started + 120_000;
  try {
    for (const check of checks) {
      while ((await statusOf(check.url)) !== check.status) {
        if (performance.now() > deadline || child.exitCode !== null) throw new Error(`no ${check.status} from ${check.url}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      times.push(performance.now() - started);
    }
    return times;
  } finally {
    child.kill("SIGTERM");
    if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
  }
}

async function startTimes(command: string[], checks: (base: string) => { url: string; status: number }[]): Promise<number[]> {
  let best: number[] | undefined;
  for (let i = 0; i < STARTS; i++) {
    const port = await freePort();
    const child = spawn(process.execPath, [CLI, ...command, "--port", String(port)], { cwd: REPO_ROOT, stdio: "ignore" });
    const times = await timeUntil(child, checks(`http://127.0.0.1:${port}`));
    if (best === undefined || (times.at(-1) ?? 0) < (best.at(-1) ?? 0)) best = times;
  }
  return best ?? [];
}

export async function benchConformance(): Promise<string> {
  const [reference = 0] = await startTimes(["serve", "--db", ":memory:", "--log-level", "silent"], (base) => [
    { url: `${base}/healthz`, status: 200 },
  ]);
  const [listening = 0, ready = 0] = await startTimes(["mock"], (base) => [
    { url: `${base}${ENDPOINT_PATH}?${REFUSED}`, status: 400 },
    { url: `${base}${ENDPOINT_PATH}?${ACCEPTED}`, status: 202 },
  ]);

  const server = await startServer({ args: ["--log-level", "silent"] });
  let full: { ms: number; passed: number; failed: number; skipped: number };
  try {
    const started = performance.now();
    const run = await runConformance({ baseUrl: server.url, profile: "full", out: new Collect() });
    full = { ms: performance.now() - started, passed: run.passed, failed: run.failed, skipped: run.skipped };
  } finally {
    await server.stop();
  }
  const mock = await startMock({ port: 0 });
  let stateless: { ms: number; passed: number; failed: number };
  try {
    await mock.ready;
    const started = performance.now();
    const run = await runConformance({ baseUrl: mock.url, profile: "stateless", out: new Collect() });
    stateless = { ms: performance.now() - started, passed: run.passed, failed: run.failed };
  } finally {
    await mock.close();
  }
  const ms = (value: number) => `${Math.round(value)} ms`;
  return [
    "## Conformance runner and mock",
    "",
    `Start-up, best of ${STARTS} (spawn until it answers); ratio to the reference server's start-up in the same run.`,
    "",
    table(
      ["process", "answers after", "ratio"],
      [
        ["reference server (`webcallback serve`, /healthz 200)", ms(reference), "1.00x"],
        ["mock listening (`webcallback mock`, stateless check answered)", ms(listening), ratio(listening, reference)],
        ["mock ready (Prism loaded, example served)", ms(ready), ratio(ready, reference)],
      ],
    ),
    "",
    table(
      ["conformance run", "wall time", "passed", "failed", "skipped"],
      [
        ["full profile against the reference server", ms(full.ms), String(full.passed), String(full.failed), String(full.skipped)],
        ["stateless profile against the mock", ms(stateless.ms), String(stateless.passed), String(stateless.failed), "0"],
      ],
    ),
  ].join("\n");
}

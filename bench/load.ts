// The load generator of the HTTP benchmark: wrk (Debian's `wrk`, C, one thread) when it is
// installed, else autocannon in this process. Both run on the same 2 cores as the servers, so
// what the generator spends per request is taken from the server under test: autocannon
// spends about as much as our server's rejection path, wrk a tenth of it. `.ci/run` installs
// wrk; BENCH_LOAD=autocannon forces the fallback.
import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export interface LoadRun {
  readonly url: string;
  /** A form body, sent as application/x-www-form-urlencoded. */
  readonly body: string;
  readonly connections: number;
  /** Asked for; the run lasts `runsFor(seconds)`. */
  readonly seconds: number;
}

export interface LoadResult {
  /** Responses received. */
  readonly total: number;
  /** Seconds the run lasted. */
  readonly duration: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Responses by HTTP status. */
  readonly statuses: Readonly<Record<string, number>>;
  /** Socket errors (connect, read, write). */
  readonly errors: number;
  readonly timeouts: number;
}

export interface LoadGenerator {
  /** How the report names it. */
  readonly name: string;
  /** How long a run asked to last `seconds` lasts. */
  runsFor(seconds: number): number;
  run(load: LoadRun): Promise<LoadResult>;
}

const FORM = "application/x-www-form-urlencoded";

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const file = join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not in this directory.
    }
  }
  return undefined;
}

// Counts statuses per thread and prints one JSON line when done; wrk's own summary has only "non-2xx".
const WRK_SCRIPT = `
wrk.method = "POST"
wrk.headers["Content-Type"] = "${FORM}"
wrk.body = os.getenv("WRK_BODY")
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do all[status] = (all[status] or 0) + count end
  end
  local parts = {}
  for status, count in pairs(all) do table.insert(parts, string.format('"%d":%d', status, count)) end
  local e = summary.errors
  io.write(string.format('WRK_RESULT {"total":%d,"micros":%d,"p50":%d,"p99":%d,"errors":%d,"timeouts":%d,"statuses":{%s}}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write, e.timeout, table.concat(parts, ",")))
end
`;

interface WrkJson {
  total: number;
  micros: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
}

class WrkLoad implements LoadGenerator {
  readonly name = "wrk (one thread, in its own process)";
  constructor(private readonly binary: string) {}

  /** wrk counts whole seconds, at least one. */
  runsFor(seconds: number): number {
    return Math.max(1, Math.round(seconds));
  }

  async run(load: LoadRun): Promise<LoadResult> {
    const dir = await mkdtemp(join(tmpdir(), "wc-wrk-"));
    const script = join(dir, "post.lua");
    try {
      await writeFile(script, WRK_SCRIPT);
      const args = ["-t1", `-c${load.connections}`, `-d${this.runsFor(load.seconds)}s`, "-s", script, load.url];
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(this.binary, args, { env: { ...process.env, WRK_BODY: load.body } }, (error, out) =>
          error === null ? resolve(out) : reject(error),
        );
      });
      const line = stdout.split("\n").find((l) => l.startsWith("WRK_RESULT "));
      if (line === undefined) throw new Error(`bench: wrk printed no result:\n${stdout}`);
      const json = JSON.parse(line.slice("WRK_RESULT ".length)) as WrkJson;
      return {
        total: json.total,
        duration: json.micros / 1e6,
        p50Ms: json.p50 / 1000,
        p99Ms: json.p99 / 1000,
        statuses: json.statuses,
        errors: json.errors,
        timeouts: json.timeouts,
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

// The part of autocannon's programmatic API used here (the package ships no type declarations).
interface CannonResult {
  readonly requests: { readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly duration: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodeStats: Readonly<Record<string, { readonly count: number }>>;
}
type CannonFunction = (options: object, done: (error: Error | null, result: CannonResult) => void) => unknown;

class AutocannonLoad implements LoadGenerator {
  readonly name = "autocannon (in the bench process)";
  private readonly cannon = createRequire(import.meta.url)("autocannon") as CannonFunction;

  runsFor(seconds: number): number {
    return seconds;
  }

  run(load: LoadRun): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      this.cannon(
        {
          url: load.url,
          method: "POST",
          headers: { "content-type": FORM },
          body: load.body,
          connections: load.connections,
          duration: load.seconds,
        },
        (error, result) => {
          if (error !== null) {
            reject(error);
            return;
          }
          const statuses: Record<string, number> = {};
          for (const [status, { count }] of Object.entries(result.statusCodeStats)) statuses[status] = count;
          resolve({
            total: result.requests.total,
            duration: result.duration,
            p50Ms: result.latency.p50,
            p99Ms: result.latency.p99,
            statuses,
            errors: result.errors,
            timeouts: result.timeouts,
          });
        },
      );
    });
  }
}

/** wrk when it is on PATH (and BENCH_LOAD is not `autocannon`), else autocannon. */
export function loadGenerator(): LoadGenerator {
  const wrk = process.env.BENCH_LOAD === "autocannon" ? undefined : onPath("wrk");
  return wrk === undefined ? new AutocannonLoad() : new WrkLoad(wrk);
}

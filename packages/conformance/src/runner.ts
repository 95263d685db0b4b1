// Builds the cases for a profile and runs them one after another against a base URL.
import type { CaseContext, ConformanceCase, Profile } from "./case.js";
import { documentCases } from "./cases/document-cases.js";
import { grammarCases } from "./cases/grammar-cases.js";
import { headerCases } from "./cases/header-cases.js";
import { schemaCases } from "./cases/schema-cases.js";
import { unreachable } from "./http-client.js";
import { ResultListener } from "./listener.js";
import { SeededRandom } from "./random.js";
import { type CaseResult, createReporter, type ReporterName, type Summary, summarize } from "./reporters.js";
import { loadScenarios, scenarioCase } from "./scenarios.js";
import { DEFAULT_ADMIN_TOKEN, SimClient } from "./sim-client.js";

/** @default 20260 */
export const DEFAULT_SEED = 20260;
/** Random pair lists per run (each sent as ctl_userdata and as extTransactionData). @default 12 */
export const GRAMMAR_CASES = 12;
/** Random values per fuzzed parameter. @default 24 */
export const SCHEMA_VALUES_PER_PARAMETER = 24;
/** The webhook secret of the demo tenant Acme (CONTRACT §8). @default "demo-webhook-secret" */
export const DEFAULT_WEBHOOK_SECRET = "demo-webhook-secret";
/** A back URL the demo tenants allow (`http://127.0.0.1:*`); nothing listens on port 9. @default "http://127.0.0.1:9/done" */
export const DEFAULT_LOOPBACK_BACK = "http://127.0.0.1:9/done";
/** @default "full" */
export const DEFAULT_PROFILE: Profile = "full";

export interface RunOptions {
  readonly baseUrl: string;
  /** @default DEFAULT_PROFILE */
  readonly profile?: Profile;
  /** @default "spec" */
  readonly reporter?: ReporterName;
  readonly out: NodeJS.WritableStream;
  /** Where JUnit XML goes; `out` by default. */
  readonly xmlOut?: NodeJS.WritableStream;
  /** @default DEFAULT_SEED */
  readonly seed?: number;
  /** @default DEFAULT_ADMIN_TOKEN */
  readonly adminToken?: string;
  /** @default DEFAULT_WEBHOOK_SECRET */
  readonly webhookSecret?: string;
  /** Only cases whose id contains this text. */
  readonly filter?: string;
  /** Fail on Prism's `sl-violations` (the target is Prism in proxy mode). */
  readonly failOnViolations?: boolean;
  /** How long one request may take. @default REQUEST_TIMEOUT_MS */
  readonly requestTimeoutMs?: number;
  /** Where the result-POST listener of the full profile listens. @default 127.0.0.1, a free port */
  readonly listenerHost?: string;
  readonly listenerPort?: number;
}

export interface RunResult extends Summary {
  readonly results: readonly CaseResult[];
}

export function buildCases(profile: Profile, seed: number): ConformanceCase[] {
  const random = new SeededRandom(seed);
  const stateless = [
    ...documentCases(),
    ...headerCases(),
    ...grammarCases(random, GRAMMAR_CASES),
    ...schemaCases(random, SCHEMA_VALUES_PER_PARAMETER),
  ];
  // Scenarios first: the stateless cases leave accepted type-2 requests queued ahead of theirs (FIFO).
  return profile === "full" ? [...loadScenarios().map(scenarioCase), ...stateless] : stateless;
}

export async function runConformance(options: RunOptions): Promise<RunResult> {
  const profile = options.profile ?? DEFAULT_PROFILE;
  const filter = options.filter;
  const cases = buildCases(profile, options.seed ?? DEFAULT_SEED).filter((c) => filter === undefined || c.id.includes(filter));
  const reporter = createReporter(options.reporter ?? "spec", options.out, options.xmlOut);
  reporter.start(cases.length);
  const dead = await unreachable(options.baseUrl, options.requestTimeoutMs);
  if (dead !== undefined) {
    // Every case fails for the one reason, reported once per case but without waiting on each.
    const results = cases.map((item) => ({ case: item, outcome: { status: "failed" as const, exchanges: [], problems: [dead] }, ms: 0 }));
    for (const [index, result] of results.entries()) reporter.caseDone(result, index);
    reporter.end(results);
    return { ...summarize(results), results };
  }
  let sim: SimClient | undefined;
  let simUnavailable: string | undefined;
  let listener: ResultListener | undefined;
  if (cases.some((c) => c.profile === "full")) {
    const client = new SimClient(options.baseUrl, options.adminToken ?? DEFAULT_ADMIN_TOKEN);
    try {
      const clock = await client.probe();
      if (clock === undefined)
        simUnavailable = "the target answers 404 on /sim/clock: it offers no simulator, so the stateful scenarios cannot run";
      else sim = client;
    } catch (error) {
      simUnavailable = `the simulator refused the probe: ${(error as Error).message}`;
    }
    if (sim !== undefined) {
      listener = new ResultListener();
      await listener.start(options.listenerHost, options.listenerPort);
    }
  }
  const context: CaseContext = {
    baseUrl: options.baseUrl,
    ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs }),
    webhookSecret: options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET,
    loopbackBack: DEFAULT_LOOPBACK_BACK,
    failOnViolations: options.failOnViolations === true,
    ...(sim === undefined ? {} : { sim }),
    ...(simUnavailable === undefined ? {} : { simUnavailable }),
    ...(listener === undefined ? {} : { listener }),
  };
  const results: CaseResult[] = [];
  try {
    for (const [index, item] of cases.entries()) {
      const started = performance.now();
      let outcome: CaseResult["outcome"];
      try {
        outcome = await item.run(context);
      } catch (error) {
        outcome = { status: "failed", exchanges: [], problems: [`the case crashed: ${(error as Error).message}`] };
      }
      // A probe that was refused (not a 404) is a failure of the stateful part, not a skip.
      if (outcome.status === "skipped" && simUnavailable?.startsWith("the simulator refused")) {
        outcome = { status: "failed", exchanges: [], problems: [simUnavailable] };
      }
      const result = { case: item, outcome, ms: performance.now() - started };
      results.push(result);
      reporter.caseDone(result, index);
    }
  } finally {
    await listener?.close();
  }
  reporter.end(results);
  return { ...summarize(results), results };
}

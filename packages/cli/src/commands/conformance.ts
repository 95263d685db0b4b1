// `webcallback conformance --base-url URL`: runs the conformance cases against a deployment.
// Exit 0 only when every case passes; the last line is `N passed, N failed` (CONTRACT §7).
import { createWriteStream } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import {
  DEFAULT_ADMIN_TOKEN,
  DEFAULT_PROFILE,
  DEFAULT_SEED,
  DEFAULT_WEBHOOK_SECRET,
  type Profile,
  REPORTERS,
  REQUEST_TIMEOUT_MS,
  type ReporterName,
} from "@webcallback/conformance";
import { type CommandIo, parsePort, UsageProblem } from "./command-io.js";

const PROFILES: readonly Profile[] = ["stateless", "full"];

export const CONFORMANCE_HELP = `Usage: webcallback conformance --base-url URL [options]

Runs the conformance cases against a web callback deployment: every rule and error code of the
OpenAPI document (GET and POST, JSON and redirect mode), the order of checks, pair lists from the
grammar, schema-driven values (seeded), and in the full profile stateful scenarios through the
simulator API (/sim), with a result-POST listener of its own on 127.0.0.1.

The run changes its target: accepted cases become callbacks (to the seed's example numbers), and
the full profile moves the simulator's clock, places calls and may leave requests queued. Run it
against the reference server, the mock or a staging deployment with simulated telephony, never
against one that dials real numbers.

Options:
  --base-url URL        The deployment, e.g. http://127.0.0.1:8080 (required).
  --profile P           stateless (what a schema-only mock can honour) or full (default ${DEFAULT_PROFILE}).
                        A target without /sim (404) reports the scenarios as skipped.
  --reporter R          ${REPORTERS.join(", ")} (default spec). JUnit XML goes to --output, or to stdout
                        with the case lines on stderr.
  --output FILE         Write the JUnit XML to FILE.
  --seed N              Seed of the generated values (default ${DEFAULT_SEED}).
  --filter TEXT         Only the cases whose id contains TEXT (a usage mistake when none does).
  --listener-host H     Where the full profile's result-POST listener listens, and the host the target
                        POSTs to (default 127.0.0.1; the tenant must allow it as a callback host).
  --listener-port N     Its port (default: a free one).
  --timeout S           Seconds one request may take before its case fails (default ${REQUEST_TIMEOUT_MS / 1000}).
  --admin-token T       Bearer token of the simulator API (default ${DEFAULT_ADMIN_TOKEN}).
  --webhook-secret S    Secret that signs result POSTs (default ${DEFAULT_WEBHOOK_SECRET}).
  --fail-on-violations  The base URL is Prism in proxy mode: any sl-violations header about an answer
                        (or about a request the server accepted) fails the case.
  -h, --help            Show this help.

Exit status: 0 when every case passed, 1 when any failed, 2 on a usage mistake.
`;

export async function conformanceCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        "base-url": { type: "string" },
        profile: { type: "string" },
        reporter: { type: "string" },
        output: { type: "string" },
        seed: { type: "string" },
        filter: { type: "string" },
        timeout: { type: "string" },
        "listener-host": { type: "string" },
        "listener-port": { type: "string" },
        "admin-token": { type: "string" },
        "webhook-secret": { type: "string" },
        "fail-on-violations": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    return io.usage((error as Error).message, CONFORMANCE_HELP);
  }
  if (values.help === true) {
    io.stdout.write(CONFORMANCE_HELP);
    return 0;
  }
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const baseUrl = text("base-url");
  if (baseUrl === undefined) return io.usage("--base-url is required", CONFORMANCE_HELP);
  if (!/^https?:\/\/[^/?#]+\/?$/i.test(baseUrl))
    return io.usage(`--base-url must be an http(s) origin, got ${JSON.stringify(baseUrl)}`, CONFORMANCE_HELP);
  const profile = text("profile") ?? DEFAULT_PROFILE;
  if (!(PROFILES as readonly string[]).includes(profile))
    return io.usage(`--profile must be one of ${PROFILES.join(", ")}, got ${JSON.stringify(profile)}`, CONFORMANCE_HELP);
  const reporter = text("reporter") ?? "spec";
  if (!(REPORTERS as readonly string[]).includes(reporter))
    return io.usage(`--reporter must be one of ${REPORTERS.join(", ")}, got ${JSON.stringify(reporter)}`, CONFORMANCE_HELP);
  const seedText = text("seed");
  if (seedText !== undefined && !/^[0-9]{1,10}$/.test(seedText))
    return io.usage(`--seed must be a whole number, got ${JSON.stringify(seedText)}`, CONFORMANCE_HELP);
  const outputFile = text("output");
  const listenerHost = text("listener-host");
  let listenerPort: number;
  try {
    // 0: a free port, as when the option is not given.
    listenerPort = parsePort(text("listener-port"), 0, "listener-port");
  } catch (error) {
    if (error instanceof UsageProblem) return io.usage(error.message, CONFORMANCE_HELP);
    throw error;
  }
  const timeoutText = text("timeout");
  const timeoutSeconds = timeoutText === undefined ? undefined : Number(timeoutText);
  if (timeoutSeconds !== undefined && !(/^[0-9]+(\.[0-9]+)?$/.test(timeoutText ?? "") && timeoutSeconds > 0 && timeoutSeconds <= 600))
    return io.usage(`--timeout must be a number of seconds above 0, at most 600, got ${JSON.stringify(timeoutText)}`, CONFORMANCE_HELP);

  const { buildCases, ListenerError, runConformance } = await import("@webcallback/conformance");
  const filter = text("filter");
  const seed = seedText === undefined ? DEFAULT_SEED : Number(seedText);
  // A filter that selects nothing is a typo, not a pass.
  if (filter !== undefined && !buildCases(profile as Profile, seed).some((c) => c.id.includes(filter))) {
    return io.usage(`--filter ${JSON.stringify(filter)} matches no case of the ${profile} profile`, CONFORMANCE_HELP);
  }
  const file = outputFile === undefined ? undefined : createWriteStream(resolve(outputFile));
  // JUnit without a file: the XML owns stdout and the case lines move to stderr.
  const lines = reporter === "junit" && file === undefined ? io.stderr : io.stdout;
  const adminToken = text("admin-token");
  const webhookSecret = text("webhook-secret");
  const run = runConformance({
    baseUrl: baseUrl.replace(/\/+$/, ""),
    profile: profile as Profile,
    reporter: reporter as ReporterName,
    out: lines,
    failOnViolations: values["fail-on-violations"] === true,
    xmlOut: file ?? io.stdout,
    seed,
    ...(timeoutSeconds === undefined ? {} : { requestTimeoutMs: Math.round(timeoutSeconds * 1000) }),
    ...(listenerHost === undefined ? {} : { listenerHost }),
    listenerPort,
    ...(filter === undefined ? {} : { filter }),
    ...(adminToken === undefined ? {} : { adminToken }),
    ...(webhookSecret === undefined ? {} : { webhookSecret }),
  });
  const result = await run.catch((error: unknown) => {
    if (error instanceof ListenerError) return error;
    throw error;
  });
  if (file !== undefined) await new Promise<void>((done) => file.end(() => done()));
  if (result instanceof ListenerError) return io.usage(result.message, CONFORMANCE_HELP);
  return result.failed > 0 ? 1 : 0;
}

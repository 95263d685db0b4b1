// The runner against a deployment whose queue is not empty: a real `webcallback serve` on
// loopback with type-2 requests already waiting in queue 103, as earlier runs or traffic leave them.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { type ServerProcess, startServer } from "../../../test/support/server-process.ts";
import { request, send } from "../src/http-client.js";
import { baseRequest } from "../src/requests.js";
import { type RunResult, runConformance } from "../src/runner.js";
import { loadScenarios, type Scenario, scenarioCase } from "../src/scenarios.js";
import { DEFAULT_ADMIN_TOKEN, SimClient } from "../src/sim-client.js";

/** Requests left ahead of the scenario's: each holds the one agent for about half a minute of clock. */
const BACKLOG = 12;
const RUN_TIMEOUT_MS = 120_000;

class Collect extends Writable {
  text = "";
  override _write(chunk: Buffer, _: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function withServer(body: (server: ServerProcess) => Promise<void>): Promise<void> {
  const server = await startServer({ args: ["--log-level", "silent"] });
  try {
    await body(server);
  } finally {
    await server.stop();
  }
}

async function run(baseUrl: string, filter?: string): Promise<{ result: RunResult; text: string }> {
  const out = new Collect();
  const result = await runConformance({ baseUrl, profile: "full", out, ...(filter === undefined ? {} : { filter }) });
  return { result, text: out.text };
}

/** Type-2 requests with no expiration in queue 103 while its one agent is offline: they wait there for good. */
async function leaveBacklog(baseUrl: string, count: number): Promise<void> {
  await new SimClient(baseUrl, DEFAULT_ADMIN_TOKEN).putAgent("agent-1", { state: "offline" });
  for (let i = 0; i < count; i++) {
    const received = await send(baseUrl, request("GET", baseRequest(2)));
    expect(received.status, received.text).toBe(202);
  }
}

function queueAndAgent(): Scenario {
  const scenario = loadScenarios().find((s) => s.id === "queue-and-agent");
  if (scenario === undefined) throw new Error("no scenarios/queue-and-agent.json");
  return scenario;
}

describe("the conformance runner with work already queued", () => {
  it(
    "passes scenario/queue-and-agent with requests queued ahead of its own",
    () =>
      withServer(async (server) => {
        await leaveBacklog(server.url, BACKLOG);
        const { result, text } = await run(server.url, "scenario/queue-and-agent");
        expect(
          result.results.map((r) => r.outcome.status),
          text,
        ).toEqual(["passed"]);
        // Twelve calls of about half a minute each went first: far more clock than the old fixed 10 s.
        const clock = await new SimClient(server.url, DEFAULT_ADMIN_TOKEN).clock();
        expect(clock.offsetSeconds).toBeGreaterThan(BACKLOG * 20);
      }),
    RUN_TIMEOUT_MS,
  );

  it(
    "passes twice in a row against one server",
    () =>
      withServer(async (server) => {
        for (const attempt of [1, 2]) {
          const { result, text } = await run(server.url);
          const failed = result.results.filter((r) => r.outcome.status === "failed").map((r) => r.case.id);
          expect(failed, `run ${attempt}:\n${text}`).toEqual([]);
          expect(result.passed).toBeGreaterThan(400);
        }
      }),
    RUN_TIMEOUT_MS,
  );

  it(
    "fails past its clock bound saying where the request stands and how many went ahead of it",
    () =>
      withServer(async (server) => {
        await leaveBacklog(server.url, BACKLOG);
        const scenario = queueAndAgent();
        // The same scenario with a minute of clock: not enough for twelve calls of half a minute each.
        const bounded: Scenario = {
          ...scenario,
          steps: scenario.steps.map((step) =>
            "advanceUntil" in step ? { advanceUntil: { ...step.advanceUntil, withinSeconds: 60 } } : step,
          ),
        };
        const sim = new SimClient(server.url, DEFAULT_ADMIN_TOKEN);
        const outcome = await scenarioCase(bounded).run({
          baseUrl: server.url,
          sim,
          webhookSecret: "demo-webhook-secret",
          loopbackBack: "http://127.0.0.1:9/done",
        });
        expect(outcome.status).toBe("failed");
        const problems = outcome.status === "failed" ? outcome.problems.join("\n") : "";
        expect(problems).toMatch(/^expected 1 agent calls of request "r", found 0 after the clock advanced 60 s in \d+ rounds/);
        expect(problems).toContain('request "r" is still queued');
        expect(problems).toMatch(/; [1-9]\d* other requests of queue 103 reached an agent since it was sent, ahead of it/);
      }),
    RUN_TIMEOUT_MS,
  );
});

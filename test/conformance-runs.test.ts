// CI runs the conformance runner three ways: against the reference server (full profile),
// against the Prism mock (stateless), and through Prism's validation proxy in front of the
// reference server, where any sl-violations header fails the run.
import { type CaseResult, loadScenarios, runConformance } from "@webcallback/conformance";
import { startMock, startValidationProxy } from "@webcallback/mock";
import { afterAll, describe, expect, it } from "vitest";
import { Collect, hasSimulator } from "./support/collect.js";
import { startServer } from "./support/server-process.js";

const RUN_TIMEOUT_MS = 180_000;
const server = await startServer({ args: ["--log-level", "silent"] });
const simulator = await hasSimulator(server.url);
afterAll(async () => {
  await server.stop();
});

function failures(results: readonly CaseResult[]): string[] {
  return results.filter((r) => r.outcome.status === "failed").map((r) => r.case.id);
}

/** Without the simulator every scenario is skipped with its reason, never passed. */
function checkScenarios(results: readonly CaseResult[]): void {
  const scenarios = results.filter((r) => r.case.profile === "full");
  expect(scenarios).toHaveLength(loadScenarios().length);
  for (const r of scenarios) {
    if (simulator) expect(r.outcome.status, r.case.id).toBe("passed");
    else expect(r.outcome).toMatchObject({ status: "skipped", reason: expect.stringContaining("404 on /sim/clock") });
  }
}

describe("the conformance runner", () => {
  it(
    "passes against the reference server (full profile)",
    async () => {
      const out = new Collect();
      const run = await runConformance({ baseUrl: server.url, profile: "full", out });
      expect(failures(run.results), out.text).toEqual([]);
      expect(run.passed).toBeGreaterThan(400);
      checkScenarios(run.results);
      expect(out.lines().at(-1)).toBe(`${run.passed} passed, 0 failed`);
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "passes against the Prism mock (stateless profile)",
    async () => {
      const mock = await startMock({ port: 0 });
      try {
        await mock.ready;
        const out = new Collect();
        const run = await runConformance({ baseUrl: mock.url, profile: "stateless", out });
        expect(failures(run.results), out.text).toEqual([]);
        expect(run.passed).toBeGreaterThan(400);
        expect(run.results.every((r) => r.case.profile === "stateless")).toBe(true);
      } finally {
        await mock.close();
      }
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "passes through Prism's validation proxy in front of the reference server with no sl-violations (GET and POST, JSON and redirect mode)",
    async () => {
      // A server of its own: the first run leaves queue 103 full of type-2 requests, ahead of this run's scenarios.
      const fresh = await startServer({ args: ["--log-level", "silent"] });
      const proxy = await startValidationProxy({ upstream: fresh.url, port: 0 });
      try {
        const out = new Collect();
        const run = await runConformance({ baseUrl: proxy.url, profile: "full", out, failOnViolations: true });
        expect(failures(run.results), out.text).toEqual([]);
        checkScenarios(run.results);
        const ids = run.results.map((r) => r.case.id);
        for (const kind of ["/GET", "/POST", "/GET/redirect", "/POST/redirect"]) expect(ids.some((id) => id.endsWith(kind))).toBe(true);
      } finally {
        await proxy.close();
        await fresh.stop();
      }
    },
    RUN_TIMEOUT_MS,
  );

  it(
    "fails through the validation proxy when the server's answer breaks the document",
    async () => {
      // A server that answers every request 200 with plain text: the document declares no such answer.
      const { createServer } = await import("node:http");
      const bad = createServer((_, res) => res.writeHead(200, { "content-type": "text/plain", "cache-control": "no-store" }).end("ok"));
      await new Promise<void>((resolve) => bad.listen(0, "127.0.0.1", () => resolve()));
      const address = bad.address();
      if (address === null || typeof address === "string") throw new Error("no port");
      const proxy = await startValidationProxy({ upstream: `http://127.0.0.1:${address.port}`, port: 0 });
      try {
        const out = new Collect();
        const run = await runConformance({
          baseUrl: proxy.url,
          profile: "stateless",
          out,
          failOnViolations: true,
          filter: "seed/Example1CallNow/json/GET",
        });
        expect(run.failed).toBe(1);
        expect(out.text).toContain("the document disagrees (sl-violations, response");
      } finally {
        await proxy.close();
        await new Promise<void>((resolve) => bad.close(() => resolve()));
      }
    },
    RUN_TIMEOUT_MS,
  );
});

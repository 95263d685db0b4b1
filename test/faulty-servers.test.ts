// The runner's own measure: against each deliberately faulty server (a proxy in front of the
// reference server that breaks one rule), the named case fails and the run exits non-zero.
import { runConformance } from "@webcallback/conformance";
import { afterAll, describe, expect, it } from "vitest";
import { FAULTS, type Fault, startFaultyProxy } from "./faulty/faulty-proxy.js";
import { Collect, hasSimulator, NO_SIMULATOR } from "./support/collect.js";
import { startServer } from "./support/server-process.js";

const server = await startServer({ args: ["--log-level", "silent"] });
const simulator = await hasSimulator(server.url);
afterAll(async () => {
  await server.stop();
});

async function caught(fault: Fault, caseId: string): Promise<void> {
  const proxy = await startFaultyProxy(server.url, fault);
  try {
    const out = new Collect();
    const run = await runConformance({ baseUrl: proxy.url, profile: fault.stateful ? "full" : "stateless", out, filter: caseId });
    const result = run.results.find((r) => r.case.id === caseId);
    expect(result, `no case ${caseId}`).toBeDefined();
    expect(result?.outcome.status, out.text).toBe("failed");
    expect(run.failed).toBeGreaterThan(0);
    expect(out.lines().at(-1)).toBe(`${run.passed} passed, ${run.failed} failed`);
    // The failure says what was sent, what came back and which rule it breaks.
    expect(out.text).toContain("rule: ");
    expect(out.text).toContain("problem: ");
  } finally {
    await proxy.close();
  }
}

describe("a proxy with no fault", () => {
  it("passes every stateless case, those the faults are caught by among them", async () => {
    const proxy = await startFaultyProxy(server.url, { name: "none", breaks: "nothing", caughtBy: [], stateful: false });
    try {
      const out = new Collect();
      const run = await runConformance({ baseUrl: proxy.url, profile: "stateless", out });
      expect(run.failed, out.text).toBe(0);
      const passed = new Set(run.results.filter((r) => r.outcome.status === "passed").map((r) => r.case.id));
      for (const fault of FAULTS.filter((f) => !f.stateful)) {
        for (const caseId of fault.caughtBy) expect(passed.has(caseId), `${caseId} (${fault.name})`).toBe(true);
      }
    } finally {
      await proxy.close();
    }
  }, 60_000);
});

describe("stateless faults", () => {
  for (const fault of FAULTS.filter((f) => !f.stateful)) {
    for (const caseId of fault.caughtBy) {
      it(`${fault.name} (${fault.breaks}) is caught by ${caseId}`, () => caught(fault, caseId));
    }
  }
});

describe("stateful faults (simulator API)", () => {
  for (const fault of FAULTS.filter((f) => f.stateful)) {
    for (const caseId of fault.caughtBy) {
      it.skipIf(!simulator)(`${fault.name} (${fault.breaks}) is caught by ${caseId}${simulator ? "" : ` [${NO_SIMULATOR}]`}`, () =>
        caught(fault, caseId),
      );
    }
  }
});

it("lists at least ten faults, each caught by a named case", () => {
  expect(FAULTS.length).toBeGreaterThanOrEqual(10);
  for (const fault of FAULTS) expect(fault.caughtBy.length).toBeGreaterThan(0);
});

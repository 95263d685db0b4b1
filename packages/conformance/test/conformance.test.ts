// The runner's parts without a server: which cases it builds, how it judges, how it reports.
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { ERROR_EXAMPLES, REQUEST_EXAMPLES } from "@webcallback/core";
import { describe, expect, it } from "vitest";
import type { ConformanceCase, Outcome } from "../src/case.js";
import { expectAccepted, expectError } from "../src/expect.js";
import type { Received } from "../src/http-client.js";
import { SeededRandom } from "../src/random.js";
import { createReporter } from "../src/reporters.js";
import { buildCases, DEFAULT_SEED } from "../src/runner.js";
import { loadScenarios, signatureProblem } from "../src/scenarios.js";

class Collect extends Writable {
  text = "";
  override _write(chunk: Buffer, _: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

function received(status: number, headers: Record<string, string>, json?: unknown): Received {
  const text = json === undefined ? "" : JSON.stringify(json);
  return { status, headers: new Headers(headers), location: headers.location ?? null, text, json };
}

describe("buildCases", () => {
  const ids = buildCases("full", DEFAULT_SEED).map((c) => c.id);

  it("sends every seed example by GET and by POST, as published and in JSON mode", () => {
    for (const name of Object.keys(REQUEST_EXAMPLES)) {
      for (const id of [
        `seed/${name}/GET/as-published`,
        `seed/${name}/POST/as-published`,
        `seed/${name}/json/GET`,
        `seed/${name}/json/POST`,
      ]) {
        expect(ids).toContain(id);
      }
    }
  });

  it("sends every error code's x-request by GET and POST", () => {
    for (const example of ERROR_EXAMPLES) {
      if (example.request === null) continue;
      expect(ids).toContain(`error/${example.code}/x-request/GET`);
      expect(ids).toContain(`error/${example.code}/x-request/POST`);
    }
  });

  it("has order-of-checks, grammar and schema cases, and every scenario in the full profile only", () => {
    expect(ids.some((id) => id.startsWith("order/17-before-14"))).toBe(true);
    expect(ids.some((id) => id.startsWith("grammar/ctl_userdata/malformed/"))).toBe(true);
    expect(ids.some((id) => id.startsWith("schema/phone/"))).toBe(true);
    const scenarios = loadScenarios().map((s) => `scenario/${s.id}`);
    for (const id of scenarios) expect(ids).toContain(id);
    expect(buildCases("stateless", DEFAULT_SEED).some((c) => c.profile === "full")).toBe(false);
  });

  it("gives every case a unique id and a rule, and the same cases for the same seed", () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of buildCases("full", DEFAULT_SEED)) expect(c.rule.length).toBeGreaterThan(5);
    expect(buildCases("full", DEFAULT_SEED).map((c) => c.rule)).toEqual(buildCases("full", DEFAULT_SEED).map((c) => c.rule));
  });

  it("names the rule each scenario checks", () => {
    for (const scenario of loadScenarios()) expect(scenario.rule).toMatch(/CONTRACT §/);
  });
});

describe("expectations", () => {
  const noStore = { "cache-control": "no-store", "content-type": "application/json" };
  const cases: { name: string; problems: string[]; want: RegExp | null }[] = [
    {
      name: "a right error",
      problems: expectError(received(400, noStore, { ctl_error: 17, message: "Phone number not provided." }), 17, "json"),
      want: null,
    },
    {
      name: "a wrong code",
      problems: expectError(received(400, noStore, { ctl_error: 12, message: "x" }), 17, "json"),
      want: /expected ctl_error 17/,
    },
    {
      name: "a wrong status",
      problems: expectError(received(400, noStore, { ctl_error: 8, message: "Queue is disabled." }), 8, "json"),
      want: /answers HTTP 409/,
    },
    {
      name: "a redirect without ctl_error",
      problems: expectError(received(302, { "cache-control": "no-store", location: "http://h/x" }), 17, { redirect: "http://h/x" }),
      want: /ctl_error=17 appended/,
    },
    {
      name: "an accepted answer without no-store",
      problems: expectAccepted(
        received(
          202,
          { "content-type": "application/json" },
          { status: "accepted", interaction_guid: "0b9d6f1a-7e2c-4d8b-a3f5-6c1e9d2b7a40", callback_type: 1 },
        ),
        1,
        "json",
      ),
      want: /Cache-Control/,
    },
  ];
  for (const { name, problems, want } of cases) {
    it(name, () => {
      if (want === null) expect(problems).toEqual([]);
      else expect(problems.join("\n")).toMatch(want);
    });
  }
});

describe("loadScenarios", () => {
  const until = { of: "r", leg: "agent", count: 1, stepSeconds: 10, withinSeconds: 14400, maxRounds: 60 };
  function load(step: unknown): () => unknown {
    return () => {
      const dir = mkdtempSync(join(tmpdir(), "scenarios-"));
      try {
        writeFileSync(join(dir, "s.json"), JSON.stringify({ id: "s", rule: "CONTRACT §6", steps: [step] }));
        return loadScenarios(pathToFileURL(`${dir}/`));
      } finally {
        rmSync(dir, { recursive: true });
      }
    };
  }

  it("takes an advanceUntil step with its bounds", () => {
    expect(load({ advanceUntil: until })).not.toThrow();
  });

  it.each(["stepSeconds", "withinSeconds", "maxRounds"])("refuses an advanceUntil without a positive %s", (name) => {
    expect(load({ advanceUntil: { ...until, [name]: 0 } })).toThrow(
      `scenarios/s.json: step 1: advanceUntil.${name} must be a number above 0`,
    );
    expect(load({ advanceUntil: { ...until, [name]: "10" } })).toThrow(/must be a number above 0/);
  });
});

describe("signatureProblem", () => {
  const body = "a=1&ctl_result=completed";
  const good = `t=1700000000,v1=${createHmac("sha256", "s3cret").update(`1700000000.${body}`).digest("hex")}`;
  it.each([
    ["a valid signature", good, undefined],
    ["no header", undefined, /no Webcallback-Signature/],
    ["a malformed header", "v1=abc", /must read/],
    ["another body's signature", good.replace(/.$/, (c) => (c === "0" ? "1" : "0")), /not the HMAC/],
  ])("%s", (_, header, want) => {
    const problem = signatureProblem(header, body, "s3cret");
    if (want === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(want);
  });
});

describe("SeededRandom", () => {
  it("repeats its stream for a seed and differs between seeds", () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.int(1000)
        )(new SeededRandom(seed)),
      );
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });
});

describe("reporters", () => {
  const item = (id: string): ConformanceCase => ({
    id,
    rule: "CONTRACT §2",
    profile: "stateless",
    run: async () => ({ status: "passed" }),
  });
  const results: { case: ConformanceCase; outcome: Outcome; ms: number }[] = [
    { case: item("a"), outcome: { status: "passed" }, ms: 1 },
    {
      case: item("b<&>"),
      outcome: { status: "failed", problems: ["expected 17, got 12"], exchanges: ["sent: GET /x\n    got:  400"] },
      ms: 2,
    },
    { case: item("c"), outcome: { status: "skipped", reason: "no /sim" }, ms: 0 },
  ];
  function report(name: "spec" | "tap" | "junit"): { out: string; xml: string } {
    const out = new Collect();
    const xml = new Collect();
    const reporter = createReporter(name, out, xml);
    reporter.start(results.length);
    results.forEach((r, i) => {
      reporter.caseDone(r, i);
    });
    reporter.end(results);
    return { out: out.text, xml: xml.text };
  }

  it("spec: a line per case, the failure's rule and exchange, the summary last", () => {
    const { out } = report("spec");
    expect(out).toContain(
      "✓ a\n✗ b<&>\n    rule: CONTRACT §2\n    problem: expected 17, got 12\n    sent: GET /x\n        got:  400\n- c (skipped: no /sim)\n",
    );
    expect(out.trimEnd().split("\n").at(-1)).toBe("1 passed, 1 failed");
  });

  it("tap: the plan first, then ok / not ok / SKIP, the summary after the last test point", () => {
    const { out } = report("tap");
    expect(out).toMatch(/^TAP version 14\n1\.\.3\nok 1 - a\nnot ok 2 - b<&>\n/);
    expect(out).toContain("ok 3 - c # SKIP no /sim\n# 1 skipped: no /sim\n1 passed, 1 failed\n");
    expect(out.match(/^1\.\./gm)).toHaveLength(1);
    expect(out.trimEnd().split("\n").at(-1)).toBe("1 passed, 1 failed");
  });

  it("junit: escaped XML with failures and skips counted", () => {
    const { xml, out } = report("junit");
    expect(xml).toContain('<testsuites tests="3" failures="1" skipped="1"');
    expect(xml).toContain('name="b&lt;&amp;&gt;"');
    expect(xml).toContain('<skipped message="no /sim"/>');
    expect(out.trimEnd().split("\n").at(-1)).toBe("1 passed, 1 failed");
  });
});

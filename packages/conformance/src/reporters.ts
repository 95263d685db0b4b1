// spec, TAP and JUnit XML. Each prints a line per case as it runs; the last line is always
// `N passed, N failed` (CONTRACT §7). JUnit's XML goes to its own stream once the run ends.
import type { ConformanceCase, Outcome } from "./case.js";

export const REPORTERS = ["spec", "tap", "junit"] as const;
export type ReporterName = (typeof REPORTERS)[number];

export interface CaseResult {
  readonly case: ConformanceCase;
  readonly outcome: Outcome;
  readonly ms: number;
}

export interface Reporter {
  /** Before the first case: how many will be reported. */
  start(total: number): void;
  caseDone(result: CaseResult, index: number): void;
  end(results: readonly CaseResult[]): void;
}

export interface Summary {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

export function summarize(results: readonly CaseResult[]): Summary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const { outcome } of results) {
    if (outcome.status === "passed") passed++;
    else if (outcome.status === "failed") failed++;
    else skipped++;
  }
  return { passed, failed, skipped };
}

export function summaryLine(summary: Summary): string {
  return `${summary.passed} passed, ${summary.failed} failed`;
}

function failureText(result: CaseResult, indent: string): string {
  if (result.outcome.status !== "failed") return "";
  const lines = [`rule: ${result.case.rule}`, ...result.outcome.problems.map((p) => `problem: ${p}`), ...result.outcome.exchanges];
  return lines.map((line) => `${indent}${line.replaceAll("\n", `\n${indent}`)}`).join("\n");
}

function skippedLine(results: readonly CaseResult[]): string | undefined {
  const reasons = new Set(results.flatMap((r) => (r.outcome.status === "skipped" ? [r.outcome.reason] : [])));
  const count = results.filter((r) => r.outcome.status === "skipped").length;
  return count === 0 ? undefined : `${count} skipped: ${[...reasons].join("; ")}`;
}

class SpecReporter implements Reporter {
  constructor(private readonly out: NodeJS.WritableStream) {}

  start(): void {}

  caseDone(result: CaseResult): void {
    const { outcome } = result;
    const mark = outcome.status === "passed" ? "✓" : outcome.status === "failed" ? "✗" : "-";
    const extra = outcome.status === "skipped" ? ` (skipped: ${outcome.reason})` : "";
    this.out.write(`${mark} ${result.case.id}${extra}\n`);
    if (outcome.status === "failed") this.out.write(`${failureText(result, "    ")}\n`);
  }

  end(results: readonly CaseResult[]): void {
    const skipped = skippedLine(results);
    if (skipped !== undefined) this.out.write(`${skipped}\n`);
    this.out.write(`${summaryLine(summarize(results))}\n`);
  }
}

class TapReporter implements Reporter {
  constructor(private readonly out: NodeJS.WritableStream) {}

  /** The plan first (TAP 14's usual form), so the summary line CONTRACT §7 puts last follows a test point, not a plan. */
  start(total: number): void {
    this.out.write(`TAP version 14\n1..${total}\n`);
  }

  caseDone(result: CaseResult, index: number): void {
    const { outcome } = result;
    const n = index + 1;
    if (outcome.status === "passed") this.out.write(`ok ${n} - ${result.case.id}\n`);
    else if (outcome.status === "skipped") this.out.write(`ok ${n} - ${result.case.id} # SKIP ${outcome.reason}\n`);
    else this.out.write(`not ok ${n} - ${result.case.id}\n${failureText(result, "# ")}\n`);
  }

  end(results: readonly CaseResult[]): void {
    const skipped = skippedLine(results);
    if (skipped !== undefined) this.out.write(`# ${skipped}\n`);
    // Not a TAP line: TAP 14 has parsers pass over lines they do not know.
    this.out.write(`${summaryLine(summarize(results))}\n`);
  }
}

function xml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "?");
}

class JUnitReporter implements Reporter {
  private readonly spec: SpecReporter;

  constructor(
    out: NodeJS.WritableStream,
    private readonly xmlOut: NodeJS.WritableStream,
  ) {
    this.spec = new SpecReporter(out);
  }

  start(): void {}

  caseDone(result: CaseResult): void {
    this.spec.caseDone(result);
  }

  end(results: readonly CaseResult[]): void {
    const summary = summarize(results);
    const seconds = results.reduce((sum, r) => sum + r.ms, 0) / 1000;
    const cases = results.map((result) => {
      const name = xml(result.case.id);
      const head = `    <testcase classname="webcallback.conformance" name="${name}" time="${(result.ms / 1000).toFixed(3)}">`;
      const { outcome } = result;
      if (outcome.status === "passed") return `${head}</testcase>`;
      if (outcome.status === "skipped") return `${head}<skipped message="${xml(outcome.reason)}"/></testcase>`;
      return `${head}<failure message="${xml(outcome.problems.join("; "))}">${xml(failureText(result, ""))}</failure></testcase>`;
    });
    this.xmlOut.write(
      `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${results.length}" failures="${summary.failed}" skipped="${summary.skipped}" time="${seconds.toFixed(3)}">\n  <testsuite name="webcallback conformance" tests="${results.length}" failures="${summary.failed}" skipped="${summary.skipped}" time="${seconds.toFixed(3)}">\n${cases.join("\n")}\n  </testsuite>\n</testsuites>\n`,
    );
    this.spec.end(results);
  }
}

/** `xmlOut` receives JUnit's XML (a file, or stdout when lines go to stderr). */
export function createReporter(name: ReporterName, out: NodeJS.WritableStream, xmlOut: NodeJS.WritableStream = out): Reporter {
  if (name === "tap") return new TapReporter(out);
  if (name === "junit") return new JUnitReporter(out, xmlOut);
  return new SpecReporter(out);
}

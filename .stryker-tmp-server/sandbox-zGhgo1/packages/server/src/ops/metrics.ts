// @ts-nocheck
// Prometheus metrics on a registry of our own: requests by outcome and ctl_error, the latency
// histogram, and the default process metrics. The request path only bumps numbers in typed
// arrays (prom-client's own counters hash their labels on every call); prom-client reads them
// when /metrics is scraped.
import { CTL_ERROR, type CtlErrorCode } from "@webcallback/core";
import { Counter, collectDefaultMetrics, type Histogram, Registry } from "prom-client";

/** Upper bounds in seconds: intake answers in well under a millisecond to a few with a commit. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

const OUTCOMES = ["accepted", "rejected"] as const;
type OutcomeIndex = 0 | 1;

/** One slot per possible code (from the catalogue); slot 0 counts accepted requests. */
const SLOTS = Math.max(...Object.values(CTL_ERROR)) + 1;

interface SampleValue {
  readonly value: number;
  readonly labels: Readonly<Record<string, string | number>>;
  readonly metricName: string;
}

/**
 * The latency histogram, shaped as prom-client's registry reads a metric (`get()` with
 * `name`, `help`, `type`, `values`), so its exposition is prom-client's own.
 */
class LatencyHistogram {
  readonly name = "webcallback_request_duration_seconds";
  readonly help = "Time from the request's arrival to its answer, commit included.";
  readonly type = "histogram";
  readonly aggregator = "sum";
  private readonly counts = OUTCOMES.map(() => new Float64Array(LATENCY_BUCKETS.length));
  private readonly sums = new Float64Array(OUTCOMES.length);
  private readonly totals = new Float64Array(OUTCOMES.length);

  observe(outcome: OutcomeIndex, seconds: number): void {
    let i = 0;
    while (i < LATENCY_BUCKETS.length && seconds > (LATENCY_BUCKETS[i] as number)) i++;
    const counts = this.counts[outcome] as Float64Array;
    if (i < LATENCY_BUCKETS.length) counts[i] = (counts[i] as number) + 1;
    this.sums[outcome] = (this.sums[outcome] as number) + seconds;
    this.totals[outcome] = (this.totals[outcome] as number) + 1;
  }

  async get(): Promise<{ name: string; help: string; type: string; aggregator: string; values: SampleValue[] }> {
    const values: SampleValue[] = [];
    OUTCOMES.forEach((outcome, o) => {
      const total = this.totals[o] as number;
      if (total === 0) return;
      const counts = this.counts[o] as Float64Array;
      let cumulative = 0;
      LATENCY_BUCKETS.forEach((le, i) => {
        cumulative += counts[i] as number;
        values.push({ value: cumulative, labels: { le, outcome }, metricName: `${this.name}_bucket` });
      });
      values.push({ value: total, labels: { le: "+Inf", outcome }, metricName: `${this.name}_bucket` });
      values.push({ value: this.sums[o] as number, labels: { outcome }, metricName: `${this.name}_sum` });
      values.push({ value: total, labels: { outcome }, metricName: `${this.name}_count` });
    });
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  reset(): void {
    for (const counts of this.counts) counts.fill(0);
    this.sums.fill(0);
    this.totals.fill(0);
  }
}

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event loop); off in tests that build many servers. */
  readonly processMetrics?: boolean;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly counts = new Float64Array(SLOTS);
  private readonly latency = new LatencyHistogram();

  constructor(options: MetricsOptions = {}) {
    const counts = this.counts;
    new Counter({
      name: "webcallback_requests_total",
      help: "Callback requests answered, by outcome and ctl_error (none when accepted).",
      labelNames: ["outcome", "ctl_error"],
      registers: [this.registry],
      // Copies the request path's tallies in when scraped.
      collect() {
        this.reset();
        counts.forEach((count, slot) => {
          if (count > 0) this.inc({ outcome: slot === 0 ? "accepted" : "rejected", ctl_error: slot === 0 ? "none" : String(slot) }, count);
        });
      },
    });
    // The registry only calls get() and reset(), which LatencyHistogram has.
    this.registry.registerMetric(this.latency as unknown as Histogram);
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  accepted(seconds: number): void {
    this.counts[0] = (this.counts[0] as number) + 1;
    this.latency.observe(0, seconds);
  }

  rejected(code: CtlErrorCode, seconds: number): void {
    this.counts[code] = (this.counts[code] as number) + 1;
    this.latency.observe(1, seconds);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}

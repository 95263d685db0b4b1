// Metrics of the work after intake, on the server's registry: interactions by state (read from
// the store when scraped), requests abandoned in their queue, calls by outcome, deliveries by
// outcome and attempt, and how late due steps run.
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { Store } from "../store/store.js";

/** Upper bounds in seconds of the lateness histogram. */
const LATENESS_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 30];

export class WorkMetrics {
  private readonly calls: Counter;
  private readonly abandoned: Counter;
  private readonly deliveries: Counter;
  private readonly lateness: Histogram;

  constructor(registry: Registry, store: Store) {
    new Gauge({
      name: "webcallback_interactions",
      help: "Interactions in the store, by state.",
      labelNames: ["state"],
      registers: [registry],
      async collect() {
        this.reset();
        for (const { state, count } of await store.countByState()) this.set({ state }, count);
      },
    });
    this.calls = new Counter({
      name: "webcallback_calls_total",
      help: "Calls ended, by leg and outcome.",
      labelNames: ["leg", "outcome"],
      registers: [registry],
    });
    this.abandoned = new Counter({
      name: "webcallback_abandoned_total",
      help: "Queued requests (type 2) that expired before an agent took them (CONTRACT §6: counted as abandoned).",
      registers: [registry],
    });
    this.deliveries = new Counter({
      name: "webcallback_deliveries_total",
      help: "Result POST attempts, by outcome (delivered, retry, failed, refused) and attempt number (6 means 6 or more).",
      labelNames: ["outcome", "attempt"],
      registers: [registry],
    });
    this.lateness = new Histogram({
      name: "webcallback_scheduling_lateness_seconds",
      help: "How long after its due time a step ran, on the server clock.",
      buckets: LATENESS_BUCKETS,
      registers: [registry],
    });
  }

  callEnded(leg: string, outcome: string): void {
    this.calls.inc({ leg, outcome });
  }

  abandonedInQueue(): void {
    this.abandoned.inc();
  }

  delivery(outcome: "delivered" | "retry" | "failed" | "refused", attempt: number): void {
    this.deliveries.inc({ outcome, attempt: String(Math.min(attempt, 6)) });
  }

  late(ms: number): void {
    this.lateness.observe(Math.max(0, ms) / 1000);
  }
}

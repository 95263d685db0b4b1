// @ts-nocheck
// Liveness and readiness. The store is marked down when a commit fails; from then on a
// probe (a small write and read) runs until it succeeds, and intake answers 15 meanwhile.
import type { Store } from "../store/store.js";
import type { Logger } from "./logger.js";

export interface HealthAnswer {
  readonly status: 200 | 503;
  readonly body: string;
}

const READY: HealthAnswer = { status: 200, body: '{"status":"ready"}' };
const LIVE: HealthAnswer = { status: 200, body: '{"status":"ok"}' };

export class Health {
  private storeUp = true;
  private draining = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    private readonly probeIntervalMs: number,
  ) {}

  /** Step 1 of the checks: whether intake can take a request now. */
  get available(): boolean {
    return this.storeUp && !this.draining;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  startDraining(): void {
    this.draining = true;
  }

  /** A commit failed: answer 15 until a probe works again. */
  storeFailed(error: unknown): void {
    if (!this.storeUp) return;
    this.storeUp = false;
    this.log.error({ err: error, engine: this.store.engine }, "store unavailable; answering 15 until a probe succeeds");
    this.timer = setInterval(() => void this.probe(), this.probeIntervalMs);
    this.timer.unref();
  }

  private async probe(): Promise<boolean> {
    try {
      await this.store.probe();
    } catch (error) {
      if (this.storeUp) this.storeFailed(error);
      return false;
    }
    if (!this.storeUp) {
      this.storeUp = true;
      this.stopProbing();
      this.log.info({ engine: this.store.engine }, "store available again");
    }
    return true;
  }

  private stopProbing(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** GET /healthz: the process is up and serving. */
  liveness(): HealthAnswer {
    return LIVE;
  }

  /** GET /readyz: not draining, and the store answers a probe now. */
  async readiness(): Promise<HealthAnswer> {
    if (this.draining) return { status: 503, body: '{"status":"unavailable","reason":"draining"}' };
    if (!(await this.probe())) return { status: 503, body: '{"status":"unavailable","reason":"store"}' };
    return READY;
  }

  stop(): void {
    this.stopProbing();
  }
}

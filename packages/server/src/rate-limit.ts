// Per-tenant rate limits in memory: fixed windows per tenant+phone and per tenant+client
// address. A request counts against both only when both let it through.
import type { RateWindow, TenantRateLimit } from "./config/schema.js";

interface Window {
  start: number;
  count: number;
}

/** Entries are swept when the maps grow past this, besides the periodic sweep. */
const SWEEP_AT_SIZE = 100_000;

class Counters {
  private readonly windows = new Map<string, Window>();
  private longestMs = 0;

  /** Milliseconds until `key` may pass again, or 0 when it may pass now. */
  waitMs(key: string, window: RateWindow, now: number): number {
    const entry = this.windows.get(key);
    const length = window.windowSeconds * 1000;
    if (entry === undefined || now - entry.start >= length) return 0;
    return entry.count < window.limit ? 0 : entry.start + length - now;
  }

  hit(key: string, window: RateWindow, now: number): void {
    const length = window.windowSeconds * 1000;
    if (length > this.longestMs) this.longestMs = length;
    const entry = this.windows.get(key);
    if (entry === undefined || now - entry.start >= length) {
      if (this.windows.size >= SWEEP_AT_SIZE) this.sweep(now);
      this.windows.set(key, { start: now, count: 1 });
    } else {
      entry.count++;
    }
  }

  /** Drops windows that ended: none is longer than the longest configured window. */
  sweep(now: number): void {
    for (const [key, entry] of this.windows) if (now - entry.start >= this.longestMs) this.windows.delete(key);
  }

  get size(): number {
    return this.windows.size;
  }
}

export class RateLimiter {
  private readonly phones = new Counters();
  private readonly clients = new Counters();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Seconds to wait (Retry-After, at least 1) when the request is over a limit of the
   * tenant's; otherwise undefined, and the request is counted.
   */
  check(tenant: string, limits: TenantRateLimit | undefined, phone: string, client: () => string): number | undefined {
    if (limits === undefined) return undefined;
    const { perPhone, perClient } = limits;
    if (perPhone === undefined && perClient === undefined) return undefined;
    const now = this.now();
    const phoneKey = perPhone === undefined ? undefined : `${tenant}\n${phone}`;
    const clientKey = perClient === undefined ? undefined : `${tenant}\n${client()}`;
    let waitMs = 0;
    if (phoneKey !== undefined && perPhone !== undefined) waitMs = this.phones.waitMs(phoneKey, perPhone, now);
    if (clientKey !== undefined && perClient !== undefined) waitMs = Math.max(waitMs, this.clients.waitMs(clientKey, perClient, now));
    if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
    if (phoneKey !== undefined && perPhone !== undefined) this.phones.hit(phoneKey, perPhone, now);
    if (clientKey !== undefined && perClient !== undefined) this.clients.hit(clientKey, perClient, now);
    return undefined;
  }

  /** Forgets windows that have ended; run now and then so memory stays bounded. */
  sweep(): void {
    const now = this.now();
    this.phones.sweep(now);
    this.clients.sweep(now);
  }

  /** Windows held, for tests and metrics. */
  get size(): number {
    return this.phones.size + this.clients.size;
  }
}

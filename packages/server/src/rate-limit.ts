// Rate limits in memory: fixed windows that start at a key's first request, per tenant+phone
// and per tenant+client address, and the failed-authentication limit per client address.
// Every operation costs the same at any number of keys: windows of one length end in the
// order they started, so ended ones are dropped from the front of a queue, and past
// `maxWindows` the oldest window goes first. Memory is bounded by that count.
import type { RateWindow, TenantRateLimit } from "./config/schema.js";

/**
 * Windows kept at most per kind of limit (phones, clients, failed authentications); past it
 * the oldest is forgotten, which errs on the side of letting a request through.
 * @default 1_000_000
 */
export const DEFAULT_MAX_WINDOWS = 1_000_000;

interface Window {
  readonly start: number;
  count: number;
}

/** Every window of one length, in the order they started. */
class WindowQueue {
  private readonly windows = new Map<string, Window>();
  // The start order, as a queue: keys[head..] and their windows (to tell a renewed key apart).
  private keys: string[] = [];
  private order: Window[] = [];
  private head = 0;

  constructor(
    private readonly lengthMs: number,
    private readonly maxWindows: number,
  ) {}

  /** Milliseconds until `key` may pass again under `limit`, or 0. */
  waitMs(key: string, limit: number, now: number): number {
    this.expire(now);
    const window = this.windows.get(key);
    if (window === undefined || window.count < limit) return 0;
    return window.start + this.lengthMs - now;
  }

  hit(key: string, now: number): void {
    this.expire(now);
    const window = this.windows.get(key);
    if (window !== undefined) {
      window.count++;
      return;
    }
    while (this.windows.size >= this.maxWindows && this.head < this.order.length) this.dropOldest();
    const started: Window = { start: now, count: 1 };
    this.windows.set(key, started);
    this.keys.push(key);
    this.order.push(started);
  }

  get size(): number {
    return this.windows.size;
  }

  /** Drops the windows that have ended: they are at the front. */
  expire(now: number): void {
    while (this.head < this.order.length && now - (this.order[this.head] as Window).start >= this.lengthMs) this.dropOldest();
  }

  private dropOldest(): void {
    const key = this.keys[this.head] as string;
    // Stryker disable next-line ConditionalExpression: a key gets a new window only once its old one was dropped, so the front is always its key's window
    if (this.windows.get(key) === this.order[this.head]) this.windows.delete(key);
    this.head++;
    // The consumed front is cut off once it is half the queue: amortized constant time.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: when the front is cut off changes memory and time, not which windows are kept (drops one `<` that times out)
    if (this.head >= 1024 && this.head * 2 >= this.order.length) {
      this.keys = this.keys.slice(this.head);
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }
}

/** Windows of every configured length for one kind of limit. */
class Counters {
  private readonly queues = new Map<number, WindowQueue>();

  constructor(private readonly maxWindows: number) {}

  private queue(window: RateWindow): WindowQueue {
    const lengthMs = window.windowSeconds * 1000;
    let queue = this.queues.get(lengthMs);
    if (queue === undefined) {
      queue = new WindowQueue(lengthMs, this.maxWindows);
      this.queues.set(lengthMs, queue);
    }
    return queue;
  }

  waitMs(key: string, window: RateWindow, now: number): number {
    return this.queue(window).waitMs(key, window.limit, now);
  }

  hit(key: string, window: RateWindow, now: number): void {
    this.queue(window).hit(key, now);
  }

  sweep(now: number): void {
    for (const queue of this.queues.values()) queue.expire(now);
  }

  get size(): number {
    let size = 0;
    for (const queue of this.queues.values()) size += queue.size;
    return size;
  }
}

/** Seconds for Retry-After: at least 1. */
function retryAfter(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}

export class RateLimiter {
  private readonly phones: Counters;
  private readonly clients: Counters;

  constructor(
    private readonly now: () => number = Date.now,
    maxWindows = DEFAULT_MAX_WINDOWS,
  ) {
    this.phones = new Counters(maxWindows);
    this.clients = new Counters(maxWindows);
  }

  /**
   * Seconds to wait (Retry-After, at least 1) when the request is over a limit of the
   * tenant's; otherwise undefined, and the request is counted. `phone` is the number that
   * would be dialled, so two spellings of one number share a window.
   */
  check(tenant: string, limits: TenantRateLimit | undefined, phone: string, client: () => string): number | undefined {
    if (limits === undefined) return undefined;
    const { perPhone, perClient } = limits;
    // Stryker disable next-line ConditionalExpression: fast path: with neither window the rest counts nothing and answers undefined too
    if (perPhone === undefined && perClient === undefined) return undefined;
    const now = this.now();
    const phoneKey = `${tenant}\n${phone}`;
    // The client address is asked for only when a per-client limit exists; the key is set whenever perClient is.
    const clientKey = perClient === undefined ? undefined : `${tenant}\n${client()}`;
    const phoneWait = perPhone === undefined ? 0 : this.phones.waitMs(phoneKey, perPhone, now);
    const clientWait = perClient === undefined ? 0 : this.clients.waitMs(clientKey as string, perClient, now);
    const waitMs = Math.max(phoneWait, clientWait);
    if (waitMs > 0) return retryAfter(waitMs);
    if (perPhone !== undefined) this.phones.hit(phoneKey, perPhone, now);
    if (perClient !== undefined) this.clients.hit(clientKey as string, perClient, now);
    return undefined;
  }

  /** Forgets windows that have ended (each check also does, for the windows it touches). */
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

/**
 * The failed-authentication limit (CONTRACT.md section 3, step 4): `limit` failures of the
 * token check are allowed within a window; an address that failed more often than that is
 * refused at that step until the window ends.
 */
export class FailedAuthLimiter {
  private readonly failures: Counters;
  /** The window with the count that blocks: one failure past the allowed ones. */
  private readonly blocking: RateWindow;

  constructor(
    private readonly window: RateWindow,
    private readonly now: () => number = Date.now,
    maxWindows = DEFAULT_MAX_WINDOWS,
  ) {
    this.failures = new Counters(maxWindows);
    this.blocking = { limit: window.limit + 1, windowSeconds: window.windowSeconds };
  }

  /** Seconds until `address` may try again, or undefined when it may try now. */
  blockedFor(address: string): number | undefined {
    const waitMs = this.failures.waitMs(address, this.blocking, this.now());
    return waitMs > 0 ? retryAfter(waitMs) : undefined;
  }

  failed(address: string): void {
    this.failures.hit(address, this.window, this.now());
  }

  sweep(): void {
    this.failures.sweep(this.now());
  }

  get size(): number {
    return this.failures.size;
  }
}

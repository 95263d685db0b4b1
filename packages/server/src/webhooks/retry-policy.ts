// When a failed result POST is tried again (CONTRACT.md section 5): exponential backoff on the
// server clock, the first retry well within 60 s, for 24 h unless configured otherwise.

/** @default 10000 — wait before the first retry. */
export const FIRST_RETRY_MS = 10_000;
/** @default 3600000 — the longest wait between two attempts. */
export const MAX_RETRY_INTERVAL_MS = 3_600_000;
/** @default 86400 — how long a delivery is retried, in seconds. */
export const DEFAULT_RETRY_FOR_SECONDS = 86_400;
/** @default 10 — time limit of one attempt, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 10;

/** Wait after the `attempts`-th failed attempt (1-based): 10 s, 20 s, 40 s … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_INTERVAL_MS);
}

/** Connection errors, timeouts (no status) and 5xx are tried again; other answers are final. */
export function isRetryable(status: number | undefined): boolean {
  return status === undefined || status >= 500;
}

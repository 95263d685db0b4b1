// Small helpers for tests that drive many requests: a bounded worker pool and a seeded random source.

export interface PoolOptions {
  /** How many calls may be running at once. */
  readonly limit: number;
  /** Checked before each new call: once it returns true, no further item is started. */
  readonly stopped?: () => boolean;
}

/**
 * Runs `task` over `items` with at most `limit` calls at a time, in item order.
 * A task that throws does not stop the others; catch inside `task` to keep its outcome.
 * Resolves with how many items were started.
 */
export async function runPool<T>(
  items: readonly T[],
  options: PoolOptions,
  task: (item: T, index: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !(options.stopped?.() ?? false)) {
      const index = next++;
      try {
        await task(items[index] as T, index);
      } catch {
        // The task owns its outcome; the pool only keeps the others running.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.limit) }, worker));
  return next;
}

/** mulberry32: a tiny seeded generator, so a failing random schedule can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Shared timing helpers: best of several rounds, so a noisy neighbour on 2 cores skews less.

export interface Rate {
  readonly perSecond: number;
}

/** Calls `fn` `iterations` times per round and returns the best rate of `rounds` rounds. */
export function bestRate(fn: () => unknown, fullIterations: number, fullRounds = 5): Rate {
  // `--quick` (bench/run.ts): a tenth of the work, to check that the benchmark runs at all.
  const quick = process.env.BENCH_QUICK === "1";
  const iterations = quick ? Math.max(1, Math.ceil(fullIterations / 10)) : fullIterations;
  const rounds = quick ? Math.min(fullRounds, 2) : fullRounds;
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) fn();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    best = Math.max(best, iterations / seconds);
  }
  return { perSecond: best };
}

export function formatNumber(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}x`;
}

/** A markdown table, printed and kept for bench/results.md. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

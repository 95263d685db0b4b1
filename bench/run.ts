// `npm run bench`: every benchmark in one run, printed as markdown with ratios to baselines
// measured in the same run, and written to bench/results.md with the HTTP chart beside it
// (bench/server-chart.svg). `--quick` runs every section briefly (under a minute; `npm test`
// runs it once so a broken benchmark is noticed, without asserting its figures) and writes nothing.
import { writeFile } from "node:fs/promises";
import { arch, cpus, platform } from "node:os";

const quick = process.argv.includes("--quick");
if (quick) {
  // The knobs each section reads when it loads: short runs, one round, little warm-up.
  process.env.BENCH_SECONDS ??= "1";
  process.env.BENCH_ROUNDS ??= "1";
  process.env.BENCH_WARMUP_SECONDS ??= "0.3";
  process.env.BENCH_STARTS ??= "1";
  process.env.BENCH_PENDING ??= "5000";
  process.env.BENCH_DUE_TOGETHER ??= "200";
  process.env.BENCH_DELIVERIES ??= "200";
  process.env.BENCH_QUICK = "1";
}
const { benchBundles } = await import("./bundles.ts");
const { benchConformance } = await import("./conformance.ts");
const { benchCore } = await import("./core.ts");
const { benchHostile } = await import("./hostile.ts");
const { benchServer, lastServerBars } = await import("./server.ts");
const { benchWork } = await import("./work.ts");
const { renderChart } = await import("./chart.ts");

const sections: string[] = [];
const started = new Date();
sections.push(
  `# Benchmarks\n\nRun ${started.toISOString()} on ${platform()}/${arch()}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}.`,
);
sections.push(benchCore());
sections.push(await benchBundles());
// The HTTP section after the in-process one, so the children do not compete with it for the 2 cores.
if (!process.argv.includes("--core-only")) {
  if (!process.argv.includes("--work-only")) {
    sections.push(await benchServer());
    sections.push(await benchHostile(quick));
    sections.push(await benchConformance());
  }
  if (!process.argv.includes("--server-only")) sections.push(await benchWork());
}

const report = `${sections.join("\n\n")}\n`;
console.log(report);
if (!quick && !process.argv.includes("--no-write")) {
  await writeFile(new URL("./results.md", import.meta.url), report);
  if (lastServerBars.length > 0) await writeFile(new URL("./server-chart.svg", import.meta.url), renderChart(lastServerBars));
}

// `npm run bench`: every benchmark in one run, printed as markdown with ratios to baselines
// measured in the same run, and written to bench/results.md.
import { writeFile } from "node:fs/promises";
import { arch, cpus, platform } from "node:os";
import { benchConformance } from "./conformance.ts";
import { benchCore } from "./core.ts";
import { benchHostile } from "./hostile.ts";
import { benchServer } from "./server.ts";

const sections: string[] = [];
const started = new Date();
sections.push(
  `# Benchmarks\n\nRun ${started.toISOString()} on ${platform()}/${arch()}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}.`,
);
sections.push(benchCore());
// The HTTP section after the in-process one, so the children do not compete with it for the 2 cores.
if (!process.argv.includes("--core-only")) {
  sections.push(await benchServer());
  sections.push(await benchHostile(process.argv.includes("--quick")));
  sections.push(await benchConformance());
}

const report = `${sections.join("\n\n")}\n`;
console.log(report);
if (!process.argv.includes("--no-write")) await writeFile(new URL("./results.md", import.meta.url), report);

// @ts-nocheck
// Mutation testing of packages/core/src (`npm run mutation`). Equivalent mutants are marked in
// the source with `// Stryker disable next-line <mutator>: <reason>`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "mutation/vitest.core.config.ts" },
  mutate: ["packages/core/src/**/*.ts", "!packages/core/src/generated/**", "!packages/core/src/**/*.d.ts"],
  coverageAnalysis: "perTest",
  // Two cores shared with others.
  concurrency: 2,
  timeoutMS: 10_000,
  thresholds: { high: 95, low: 90, break: 90 },
  incremental: true,
  incrementalFile: "mutation/incremental/core.json",
  reporters: ["clear-text", "progress", "html", "json"],
  jsonReporter: { fileName: "reports/mutation/core.json" },
  htmlReporter: { fileName: "reports/mutation/core.html" },
  ignorePatterns: ["dist", "bench", "reports", "coverage", ".data", "mutation/incremental", ".stryker-tmp*", "packages/cli", "/test"],
  tempDirName: ".stryker-tmp",
};

// Mutation testing of the server's pure modules (`npm run mutation`): config/, the rate
// limiter, the request-parameter splitter and the scheduling rules (work/intake-plan,
// work/call-setup, work/transitions). I/O adapters are covered by tests, not mutants.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "mutation/vitest.server.config.ts" },
  mutate: [
    "packages/server/src/config/**/*.ts",
    "packages/server/src/rate-limit.ts",
    "packages/server/src/http/request-params.ts",
    "packages/server/src/work/intake-plan.ts",
    "packages/server/src/work/call-setup.ts",
    "packages/server/src/work/transitions.ts",
  ],
  coverageAnalysis: "perTest",
  // Module-level mutants (mostly the schema object) each reload every test file: two thirds of the
  // run for 18% of the mutants. Run them with `npm run mutation:server -- --ignoreStatic false`.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10_000,
  // Every module scores 90% or more; equivalent mutants are marked in the source with their reason.
  thresholds: { high: 95, low: 90, break: 90 },
  incremental: true,
  incrementalFile: "mutation/incremental/server.json",
  reporters: ["clear-text", "progress", "html", "json"],
  jsonReporter: { fileName: "reports/mutation/server.json" },
  htmlReporter: { fileName: "reports/mutation/server.html" },
  ignorePatterns: ["dist", "bench", "reports", "coverage", ".data", "mutation/incremental", ".stryker-tmp*", "packages/cli", "/test"],
  tempDirName: ".stryker-tmp",
};

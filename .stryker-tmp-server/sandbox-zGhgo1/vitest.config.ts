// @ts-nocheck
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One convention: packages/<name>/test/*.test.ts for a package, test/*.test.ts across packages.
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    reporters: ["default", "./test/support/summary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    typecheck: { enabled: true, include: ["packages/*/test/**/*.test-d.ts"], tsconfig: "tsconfig.check.json" },
  },
});

// @ts-nocheck
// The tests Stryker runs against core's mutants: core's own, without the type tests, the
// generator drift check (it tests the generator, which no mutant touches) and the fast-check
// properties (random inputs would make a mutant's fate differ from run to run, and shrinking
// a counterexample under a mutant runs into the timeout).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["packages/core/test/**/*.test.ts"],
    exclude: ["packages/core/test/generate-check.test.ts", "packages/core/test/properties.test.ts"],
    testTimeout: 30_000,
  },
});

// The tests Stryker runs against core's mutants: core's own, without the type tests and the
// generator drift check (it tests the generator, which no mutant touches).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: ["packages/core/test/**/*.test.ts"],
    exclude: ["packages/core/test/generate-check.test.ts"],
    testTimeout: 30_000,
  },
});

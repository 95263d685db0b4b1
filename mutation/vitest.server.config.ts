// The tests Stryker runs against the server's pure modules (config/, rate limits, the parameter splitter, the scheduling rules).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  test: {
    include: [
      "packages/server/test/config*.test.ts",
      "packages/server/test/dial-plan.test.ts",
      "packages/server/test/token-hash.test.ts",
      "packages/server/test/rate-limit.test.ts",
      "packages/server/test/request-params.test.ts",
      "packages/server/test/transitions.test.ts",
      "packages/server/test/work-rules.test.ts",
    ],
    testTimeout: 30_000,
  },
});

// The browser budget: what a page ships for the client and for the button, min+gzip.
import { describe, expect, it } from "vitest";
import { BUNDLES, minGzipBytes } from "../../../test/support/bundle-size.ts";

describe("bundle budget (min+gzip)", () => {
  it.each(BUNDLES)("$entry is at most $budget bytes", async ({ entry, source, budget }) => {
    const bytes = await minGzipBytes(source);
    console.log(`${entry}: ${bytes} bytes min+gzip (budget ${budget})`);
    expect(bytes).toBeLessThanOrEqual(budget);
  });
});

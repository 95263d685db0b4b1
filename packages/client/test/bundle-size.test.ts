// The browser budget: what a page ships for the client and for the button, bundled and
// minified by esbuild from the built dist/ (as a bundler would), then gzipped.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** 1 kB = 1000 bytes, as size-limit counts. */
const KB = 1000;

async function minGzipBytes(source: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error("esbuild wrote nothing");
  return gzipSync(output.contents, { level: 9 }).length;
}

describe("bundle budget (min+gzip)", () => {
  it.each([
    { entry: "the client", source: 'export { createWebCallbackClient } from "@webcallback/client";', budget: 8 * KB },
    { entry: "the button", source: 'import "@webcallback/client/button";', budget: 12 * KB },
  ])("$entry is at most $budget bytes", async ({ entry, source, budget }) => {
    const bytes = await minGzipBytes(source);
    console.log(`${entry}: ${bytes} bytes min+gzip (budget ${budget})`);
    expect(bytes).toBeLessThanOrEqual(budget);
  });
});

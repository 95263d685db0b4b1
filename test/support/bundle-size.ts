// What a page ships for an entry of the client package: bundled and minified by esbuild from
// the built dist/ (as a bundler would), then gzipped. Used by the budget test and the bench.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { REPO_ROOT } from "./server-process.ts";

/** 1 kB = 1000 bytes, as size-limit counts. */
export const KB = 1000;

/** The browser entries and their budgets (issue 9). */
export const BUNDLES = [
  { entry: "the client", source: 'export { createWebCallbackClient } from "@webcallback/client";', budget: 8 * KB },
  { entry: "the button", source: 'import "@webcallback/client/button";', budget: 12 * KB },
] as const;

export async function minGzipBytes(source: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: REPO_ROOT, loader: "js" },
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

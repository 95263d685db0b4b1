// Serves the partner-site example on loopback: its static pages, the button bundled for the
// browser, and the error catalogue for the result page. `--api` points the pages at a server.
import { readdir, readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const clientDir = join(here, "../../packages/client");

/**
 * The API base URL the pages name as written; replaced when another is given.
 * @default "http://127.0.0.1:8080" (what `npm start` serves)
 */
export const DEFAULT_API = "http://127.0.0.1:8080";
/**
 * The site's own origin as the pages write it (their back URLs).
 * @default port 8081
 */
export const DEFAULT_SITE_PORT = 8081;
const DEFAULT_SITE = `http://127.0.0.1:${DEFAULT_SITE_PORT}`;

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

export interface SiteOptions {
  /** 0 for any free port. */
  readonly port?: number;
  readonly api?: string;
  /** Pages served besides the example's own (path -> HTML), e.g. a test's variant. */
  readonly extraPages?: Readonly<Record<string, string>>;
}

export interface Site {
  readonly url: string;
  close(): Promise<void>;
}

async function bundle(source: string, resolveDir: string): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
  });
  return result.outputFiles[0]?.text ?? "";
}

/** Starts the site on 127.0.0.1; every file is read and bundled once, before the first request. */
export async function startPartnerSite(options: SiteOptions = {}): Promise<Site> {
  const files = new Map<string, { type: string; body: string }>();
  files.set("/webcallback-button.js", {
    type: TYPES[".js"] as string,
    body: await bundle('import "@webcallback/client/button";', clientDir),
  });
  files.set("/webcallback-catalogue.js", {
    type: TYPES[".js"] as string,
    body: await bundle('export { CTL_ERROR_MESSAGES } from "@webcallback/core";', clientDir),
  });
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://site").pathname;
    const file = files.get(path === "/" ? "/index.html" : path);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
    } else if (file === undefined) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
    } else {
      res.writeHead(200, { "content-type": file.type, "cache-control": "no-store" }).end(req.method === "HEAD" ? undefined : file.body);
    }
  });
  server.listen(options.port ?? DEFAULT_SITE_PORT, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const api = (options.api ?? DEFAULT_API).replace(/\/+$/, "");
  // Only the example's own files are served, by name: no path from a request reaches the disk.
  const rewrite = (html: string) => html.replaceAll(DEFAULT_API, api).replaceAll(DEFAULT_SITE, url);
  for (const name of await readdir(here)) {
    if (name.endsWith(".html"))
      files.set(`/${name}`, { type: TYPES[".html"] as string, body: rewrite(await readFile(join(here, name), "utf8")) });
  }
  for (const [path, html] of Object.entries(options.extraPages ?? {}))
    files.set(path, { type: TYPES[".html"] as string, body: rewrite(html) });
  return {
    url,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: "string", default: String(DEFAULT_SITE_PORT) }, api: { type: "string", default: DEFAULT_API } },
  });
  const site = await startPartnerSite({ port: Number(values.port), api: values.api });
  process.stdout.write(`partner site on ${site.url} (API ${values.api}); pages: ${site.url}/ ${site.url}/button.html\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();

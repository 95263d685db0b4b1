// GET /docs and /docs/*: the API reference `npm run docs` builds into packages/server/docs-site.
// Only plain file names under that folder are served (no dot segments, no escapes, no
// subfolders); files are read once and kept in a cache bounded by bytes.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The path the reference is served under. */
export const DOCS_PATH = "/docs";

/**
 * Where `npm run docs` writes the site: packages/server/docs-site, from src/http or dist/http alike.
 * @default packages/server/docs-site
 */
export const DEFAULT_DOCS_ROOT = fileURLToPath(new URL("../../docs-site/", import.meta.url));

/**
 * Bytes of site files kept in memory; Redoc's bundle alone is about 1.1 MB.
 * @default 16 MiB
 */
export const DEFAULT_DOCS_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * A larger file is not served at all: the site has none, so one would be a mistake.
 * @default 8 MiB
 */
export const DEFAULT_DOCS_MAX_FILE_BYTES = 8 * 1024 * 1024;

/** One path segment: letters, digits, `.`, `_`, `-`, not starting with a dot. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  json: "application/json; charset=utf-8",
  svg: "image/svg+xml",
  yaml: "text/yaml; charset=utf-8",
  yml: "text/yaml; charset=utf-8",
  peggy: "text/plain; charset=utf-8",
  txt: "text/plain; charset=utf-8",
};

interface CachedFile {
  readonly body: Buffer;
  readonly type: string;
  readonly etag: string;
}

export interface DocsSiteOptions {
  readonly root?: string;
  readonly cacheBytes?: number;
  readonly maxFileBytes?: number;
}

/** Whether a request path belongs to the reference: /docs itself or anything under /docs/. */
export function isDocsPath(path: string): boolean {
  return path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`);
}

/** The file a request path names, or undefined when it names none we would serve. */
export function docsFileName(path: string): string | undefined {
  if (path === DOCS_PATH || path === `${DOCS_PATH}/`) return "index.html";
  if (!path.startsWith(`${DOCS_PATH}/`)) return undefined;
  const rest = path.slice(DOCS_PATH.length + 1);
  // Percent-escapes are refused rather than decoded: no file of the site needs one.
  if (!FILE_NAME.test(rest)) return undefined;
  const dot = rest.lastIndexOf(".");
  return dot > 0 && Object.hasOwn(CONTENT_TYPES, rest.slice(dot + 1)) ? rest : undefined;
}

export class DocsSite {
  private readonly root: string;
  private readonly cacheBytes: number;
  private readonly maxFileBytes: number;
  /** In insertion order, oldest first: the first to go when the bytes run out. */
  private readonly cache = new Map<string, CachedFile>();
  private cachedBytes = 0;

  constructor(options: DocsSiteOptions = {}) {
    this.root = options.root ?? DEFAULT_DOCS_ROOT;
    this.cacheBytes = options.cacheBytes ?? DEFAULT_DOCS_CACHE_BYTES;
    this.maxFileBytes = options.maxFileBytes ?? DEFAULT_DOCS_MAX_FILE_BYTES;
  }

  /** Bytes held in the cache now. */
  get heldBytes(): number {
    return this.cachedBytes;
  }

  /** Answers one request under /docs; never throws, never rejects. */
  readonly serve = (req: IncomingMessage, res: ServerResponse, path: string): void => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      this.text(res, 405, "method not allowed\n", { allow: "GET, HEAD" });
      return;
    }
    const name = docsFileName(path);
    if (name === undefined) {
      this.text(res, 404, "not found\n");
      return;
    }
    this.file(name).then(
      (file) => {
        if (file === undefined) {
          const hint = name === "index.html" ? "the API reference is not built: run npm run docs\n" : "not found\n";
          this.text(res, 404, hint);
          return;
        }
        const headers = {
          "content-type": file.type,
          etag: file.etag,
          "cache-control": "no-cache",
          "x-content-type-options": "nosniff",
        };
        if (req.headers["if-none-match"] === file.etag) {
          res.writeHead(304, headers).end();
          return;
        }
        res.writeHead(200, { ...headers, "content-length": file.body.length });
        res.end(req.method === "HEAD" ? undefined : file.body);
      },
      () => this.text(res, 500, "the API reference could not be read\n"),
    );
  };

  private async file(name: string): Promise<CachedFile | undefined> {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached;
    const path = join(this.root, name);
    // Size first, so a file past the bound is never read into memory.
    const info = await stat(path).catch(() => undefined);
    if (info === undefined || !info.isFile() || info.size > this.maxFileBytes) return undefined;
    const body = await readFile(path);
    const dot = name.lastIndexOf(".");
    const file: CachedFile = {
      body,
      type: CONTENT_TYPES[name.slice(dot + 1)] ?? "application/octet-stream",
      etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`,
    };
    this.remember(name, file);
    return file;
  }

  private remember(name: string, file: CachedFile): void {
    if (file.body.length > this.cacheBytes || this.cache.has(name)) return;
    for (const [oldest, entry] of this.cache) {
      if (this.cachedBytes + file.body.length <= this.cacheBytes) break;
      this.cache.delete(oldest);
      this.cachedBytes -= entry.body.length;
    }
    this.cache.set(name, file);
    this.cachedBytes += file.body.length;
  }

  private text(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...extra });
    res.end(body);
  }
}

/** The site under the default root, shared by every server of the process. */
export const docsSite = new DocsSite();

// DocsSite over real HTTP on loopback, on a site folder of its own: only plain file names under
// the folder are served, whatever the raw request path tries; methods, ETag, and a cache that
// never holds more bytes than it is given.
import { once } from "node:events";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocsSite, docsFileName, isDocsPath } from "../src/http/docs.js";

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

let dir = "";
let site: DocsSite;
let server: Server;
let port = 0;

// node:http sends the path exactly as given: no normalisation of dot segments or escapes.
function get(path: string, method = "GET", headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "webcallback-docs-"));
  const root = join(dir, "site");
  await mkdir(join(root, "sub"), { recursive: true });
  await writeFile(join(root, "index.html"), "<p>index</p>");
  await writeFile(join(root, "a.js"), "a".repeat(600));
  await writeFile(join(root, "b.js"), "b".repeat(600));
  await writeFile(join(root, "big.txt"), "x".repeat(2000));
  await writeFile(join(root, ".hidden.txt"), "hidden");
  await writeFile(join(root, "sub", "inner.txt"), "inner");
  await writeFile(join(root, "program.exe"), "MZ");
  await writeFile(join(dir, "secret.txt"), "secret");
  site = new DocsSite({ root, cacheBytes: 1000, maxFileBytes: 1500 });
  server = createServer((req, res) => site.serve(req, res, (req.url ?? "/").split("?")[0] ?? "/"));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  port = typeof address === "object" && address !== null ? address.port : 0;
});

afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("docs paths", () => {
  it.each([
    { path: "/docs", want: true },
    { path: "/docs/", want: true },
    { path: "/docs/a.js", want: true },
    { path: "/docsx", want: false },
    { path: "/doc", want: false },
    { path: "/", want: false },
  ])("isDocsPath($path) is $want", ({ path, want }) => {
    expect(isDocsPath(path)).toBe(want);
  });

  it.each([
    { path: "/docs", want: "index.html" },
    { path: "/docs/", want: "index.html" },
    { path: "/docs/a.js", want: "a.js" },
    { path: "/docs/redoc.standalone.js", want: "redoc.standalone.js" },
    { path: "/docs/../secret.txt", want: undefined },
    { path: "/docs/%2e%2e/secret.txt", want: undefined },
    { path: "/docs/..%2fsecret.txt", want: undefined },
    { path: "/docs/sub/inner.txt", want: undefined },
    { path: "/docs/.hidden.txt", want: undefined },
    { path: "/docs//a.js", want: undefined },
    { path: "/docs/a.js/", want: undefined },
    { path: "/docs/a\\b.txt", want: undefined },
    { path: "/docs/program.exe", want: undefined },
    { path: "/docs/noextension", want: undefined },
    { path: `/docs/${"a".repeat(200)}.js`, want: undefined },
  ])("docsFileName($path) is $want", ({ path, want }) => {
    expect(docsFileName(path)).toBe(want);
  });
});

describe("DocsSite over HTTP", () => {
  it.each(["/docs", "/docs/"])("serves index.html at %s", async (path) => {
    const answer = await get(path);
    expect(answer.status).toBe(200);
    expect(answer.body).toBe("<p>index</p>");
    expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  });

  it.each([
    "/docs/../secret.txt",
    "/docs/%2e%2e/secret.txt",
    "/docs/%2E%2E%2Fsecret.txt",
    "/docs/sub/inner.txt",
    "/docs/sub%2finner.txt",
    "/docs/.hidden.txt",
    "/docs/program.exe",
    "/docs/missing.js",
    "/docs/big.txt",
  ])("answers 404 and nothing of the file for %s", async (path) => {
    const answer = await get(path);
    expect(answer.status).toBe(404);
    expect(answer.body).toBe("not found\n");
  });

  it("answers HEAD with the headers and no body", async () => {
    const answer = await get("/docs/a.js", "HEAD");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-length"]).toBe("600");
    expect(answer.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(answer.body).toBe("");
  });

  it.each(["POST", "PUT", "DELETE"])("refuses %s with 405 and Allow", async (method) => {
    const answer = await get("/docs/a.js", method);
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("GET, HEAD");
  });

  it("answers 304 to the ETag it gave", async () => {
    const first = await get("/docs/a.js");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await get("/docs/a.js", "GET", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
  });

  it("keeps the cache within its bytes, dropping the oldest first", async () => {
    for (const path of ["/docs/a.js", "/docs/b.js", "/docs/a.js", "/docs/index.html"]) {
      expect((await get(path)).status).toBe(200);
      expect(site.heldBytes).toBeLessThanOrEqual(1000);
    }
    expect(site.heldBytes).toBeGreaterThan(0);
  });

  it("says how to build the site when it is missing", async () => {
    const missing = new DocsSite({ root: join(dir, "nowhere") });
    const local = createServer((req, res) => missing.serve(req, res, "/docs"));
    local.listen(0, "127.0.0.1");
    await once(local, "listening");
    const address = local.address();
    const answer = await fetch(`http://127.0.0.1:${typeof address === "object" && address !== null ? address.port : 0}/docs`);
    local.close();
    expect(answer.status).toBe(404);
    expect(await answer.text()).toMatch(/npm run docs/);
  });
});

// The API reference in real Chromium with every request off the server's loopback origin
// refused: /docs draws the operations, every error code, the order of checks, every token, the
// CORS headers and the grammar, and asks no other host for anything. Skipped (with the package
// to install) where Chromium is missing, except under CI=true, where that fails.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { CATALOGUE, ORDER_OF_CHECKS, PREFLIGHT_HEADERS, TOKEN_NAMES } from "@webcallback/core";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_MISSING, HAS_CHROMIUM } from "./support/chromium.ts";
import { REPO_ROOT, type ServerProcess, startServer } from "./support/server-process.ts";

const available = HAS_CHROMIUM;
const MISSING = CHROMIUM_MISSING;
const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
const run = promisify(execFile);
const tsx = createRequire(import.meta.url).resolve("tsx/cli");

if (!available && process.env.CI !== "true") console.warn(`docs browser test skipped: ${MISSING}`);

it.runIf(!available && process.env.CI === "true")("has Chromium under CI", () => {
  throw new Error(MISSING);
});

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly summary: string;
}

async function operationsOf(file: string): Promise<Operation[]> {
  const document = parseYaml(await readFile(join(REPO_ROOT, "openapi", file), "utf8")) as {
    paths?: Record<string, Record<string, { summary?: string; operationId?: string }>>;
  };
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (HTTP_METHODS.has(method)) out.push({ method, path, summary: operation.summary ?? operation.operationId ?? "" });
    }
  }
  return out;
}

describe.runIf(available)("the API reference in Chromium, offline", () => {
  let server: ServerProcess;
  let profile: string;
  let context: BrowserContext;
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The site as this tree's documents make it (a fresh clone builds it in `npm ci`).
    await run(process.execPath, [tsx, join(REPO_ROOT, "scripts/docs.ts")], { cwd: REPO_ROOT });
    server = await startServer();
    profile = await mkdtemp(join(tmpdir(), "webcallback-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const origin = new URL(server.url).origin;
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      blocked.push(url);
      return route.abort("internetdisconnected");
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    if (server) expect(await server.stop()).toBe(0);
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    page.on("pageerror", (error) => pageErrors.push(`${path}: ${error.message}`));
    const answer = await page.goto(`${server.url}${path}`, { waitUntil: "load" });
    expect(answer?.status()).toBe(200);
    // Redoc draws the page after load; the last section of the description is the sign it is done.
    await page.locator("[data-documents]").first().waitFor({ timeout: 30_000 });
    return page;
  }

  it("draws /docs: the operations, every error code, the order of checks, every token, the CORS headers and the grammar", async () => {
    const page = await open("/docs");
    const text = (await page.locator("body").textContent()) ?? "";

    for (const operation of await operationsOf("webcallback.yaml")) {
      expect(text, `${operation.method} ${operation.path}`).toContain(operation.summary);
      expect(text).toContain(operation.path);
    }

    const errorRows = await page.locator('table[data-extension="x-webcallback-errors"] tbody tr').allTextContents();
    const entries = Object.values(CATALOGUE);
    expect(errorRows).toHaveLength(entries.length);
    for (const entry of entries) {
      const row = await page.locator('table[data-extension="x-webcallback-errors"] tbody tr', {
        has: page.getByRole("cell", { name: String(entry.code), exact: true }),
      });
      expect(await row.count(), `ctl_error ${entry.code}`).toBe(1);
      const cells = await row.locator("td").allTextContents();
      expect(cells.slice(0, 4)).toEqual([String(entry.code), entry.name, entry.message, String(entry.httpStatus)]);
    }

    const steps = await page.locator('table[data-extension="x-webcallback-order-of-checks"] tbody tr').allTextContents();
    expect(steps).toHaveLength(ORDER_OF_CHECKS.length);

    const tokenCells = await page.locator('table[data-extension="x-webcallback-tokens"] tbody tr td:first-child').allTextContents();
    expect(tokenCells).toEqual(TOKEN_NAMES.map((name) => `$${name}$`));

    // The CORS table: each preflight header with the value the server sends.
    const corsRows = await page.locator('table[data-extension="x-webcallback-cors"] tbody tr').allTextContents();
    for (const [name, value] of Object.entries(PREFLIGHT_HEADERS)) {
      expect(
        corsRows.some((row) => row.toLowerCase().startsWith(name) && row.includes(value)),
        name,
      ).toBe(true);
    }

    const grammar = await page.locator('pre[data-grammar="userdata.peggy"]').textContent();
    expect(grammar).toBe(await readFile(join(REPO_ROOT, "grammar/userdata.peggy"), "utf8"));
    await page.close();
  });

  it("draws every other OpenAPI document on its own page", async () => {
    const others = (await readdir(join(REPO_ROOT, "openapi"))).filter((file) => /\.ya?ml$/.test(file) && file !== "webcallback.yaml");
    for (const file of others) {
      const page = await open(`/docs/${file.replace(/\.ya?ml$/, "")}.html`);
      const text = (await page.locator("body").textContent()) ?? "";
      for (const operation of await operationsOf(file))
        expect(text, `${file}: ${operation.method} ${operation.path}`).toContain(operation.summary);
      await page.close();
    }
  });

  it("asked no host but the server for anything, and threw nothing", () => {
    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

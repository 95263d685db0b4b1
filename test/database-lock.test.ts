// One server per database file: a second `serve` on a file in use is refused (exit 2) before it
// touches the store, so it cannot release and rerun the steps the first one has claimed; the
// lock of a crashed server is taken over at once, and a clean stop leaves none behind.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, freePort, REPO_ROOT, startServer } from "./support/server-process.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wc-db-lock-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function serveToEnd(db: string): Promise<{ status: number | null; stderr: string }> {
  const port = await freePort();
  const result = spawnSync(process.execPath, [CLI, "serve", "--host", "127.0.0.1", "--port", String(port), "--db", db], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    timeout: 15_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe("the database lock", () => {
  it("refuses a second server on a file in use, naming the process, and leaves the first one's work alone", async () => {
    const db = join(dir, "shared.db");
    const first = await startServer({ args: ["--db", db, "--log-level", "info"] });
    try {
      const second = await serveToEnd(db);
      expect(second.status).toBe(2);
      expect(second.stderr).toContain(`${db} is in use by another server (process ${first.child.pid}`);
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
      expect(first.output()).not.toMatch(/"level":50/);
    } finally {
      expect(await first.stop()).toBe(0);
    }
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it("takes over the lock of a server that was killed (kill -9)", async () => {
    const db = join(dir, "crashed.db");
    const crashed = await startServer({ args: ["--db", db] });
    await crashed.stop("SIGKILL");
    expect(existsSync(`${db}.lock`)).toBe(true);
    const next = await startServer({ args: ["--db", db] });
    expect((await fetch(`${next.url}/healthz`)).status).toBe(200);
    expect(await next.stop()).toBe(0);
  });

  it("a server that cannot listen stops its work quietly and releases the lock", async () => {
    const db = join(dir, "port.db");
    const holder = await startServer({ args: ["--db", ":memory:"] });
    try {
      const result = spawnSync(process.execPath, [CLI, "serve", "--host", "127.0.0.1", "--port", String(holder.port), "--db", db], {
        cwd: REPO_ROOT,
        encoding: "utf8",
        timeout: 15_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${holder.port}`);
      expect(result.stdout).not.toMatch(/"level":50/);
      expect(existsSync(`${db}.lock`)).toBe(false);
    } finally {
      await holder.stop();
    }
  });
});

// Defect 5 of the hostile probe: the SQLite WAL index (<db>-shm) turning unwritable under a
// running server. SQLite maps that file into memory, so a write to it can kill the process
// with SIGBUS, which no JavaScript can catch (README, "Running it safely": run the server
// under a supervisor that restarts it). What must hold either way: nothing acknowledged is
// lost, and a restart serves again.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REQUEST_EXAMPLES } from "@webcallback/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ENDPOINT } from "../support/callback-client.ts";
import { type ServerProcess, startServer } from "../support/server-process.ts";
import { readStoredRequests } from "../support/store-reader.ts";

const { back: _back, ...JSON_MODE } = REQUEST_EXAMPLES.Example1CallNow.value;
const VALID_QUERY = new URLSearchParams(JSON_MODE).toString();

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wc-hostile-wal-"));
});

afterAll(async () => {
  const shm = join(dir, "store.db-shm");
  if (existsSync(shm)) chattr("-i", shm);
  await rm(dir, { recursive: true, force: true });
});

function chattr(flag: "+i" | "-i", file: string): boolean {
  try {
    execFileSync("chattr", [flag, file], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The guid of an accepted answer, or the outcome: a ctl_error, or `died` when the connection failed. */
async function attempt(server: ServerProcess): Promise<{ guid: string } | { ctlError: number } | "died"> {
  try {
    const answer = await fetch(`${server.url}${ENDPOINT}?${VALID_QUERY}`, { signal: AbortSignal.timeout(5_000) });
    const body = (await answer.json()) as { interaction_guid?: string; ctl_error?: number };
    return body.interaction_guid !== undefined ? { guid: body.interaction_guid } : { ctlError: body.ctl_error ?? -1 };
  } catch {
    return "died";
  }
}

it("an immutable -shm file: answered 15 or the process dies; either way nothing acknowledged is lost and a restart serves", async (context) => {
  const db = join(dir, "store.db");
  const first = await startServer({ args: ["--db", db, "--log-level", "warn"] });
  const acknowledged: string[] = [];
  try {
    const before = await attempt(first);
    if (typeof before === "string" || !("guid" in before)) throw new Error(`the first request was not accepted: ${JSON.stringify(before)}`);
    acknowledged.push(before.guid);
    if (!chattr("+i", `${db}-shm`)) {
      context.skip("chattr +i is not available here (it needs root and e2fsprogs' chattr on a file system with attributes)");
      return;
    }
    for (let i = 0; i < 5; i++) {
      const outcome = await attempt(first);
      if (outcome === "died") break;
      if ("guid" in outcome) acknowledged.push(outcome.guid);
      else expect(outcome.ctlError).toBe(15);
    }
  } finally {
    chattr("-i", `${db}-shm`);
    await first.stop("SIGKILL");
  }
  const second = await startServer({ args: ["--db", db, "--log-level", "warn"] });
  try {
    const after = await attempt(second);
    expect(after !== "died" && "guid" in after).toBe(true);
  } finally {
    expect(await second.stop()).toBe(0);
  }
  const stored = new Set((await readStoredRequests(db)).map((row) => row.guid));
  for (const guid of acknowledged) expect(stored.has(guid), guid).toBe(true);
});

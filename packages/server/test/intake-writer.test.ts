// The writer thread (`writerThread: true`): commits leave the event loop, and nothing about
// durability changes. The thread runs the built script, so these tests use the package's build.
import { execFile } from "node:child_process";
import { statSync } from "node:fs";
import { SqliteStore } from "@webcallback/server";
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { interaction, tempDatabases } from "./support/store-fixtures.ts";

const tempFile = tempDatabases("wc-writer-");

function rowsIn(file: string): { interactions: string[]; firstDials: number } {
  const db = new Database(file, { readonly: true });
  try {
    const interactions = (
      db.prepare("SELECT interaction_guid FROM interactions ORDER BY rowid").all() as { interaction_guid: string }[]
    ).map((row) => row.interaction_guid);
    const { n } = db.prepare("SELECT count(*) AS n FROM interactions WHERE dial_at IS NOT NULL").get() as { n: number };
    return { interactions, firstDials: n };
  } finally {
    db.close();
  }
}

describe("SqliteStore with a writer thread", () => {
  it("commits requests that arrive together, in order, each with its first step, visible to the event loop's connection", async () => {
    const file = await tempFile();
    const store = new SqliteStore(file, { writerThread: true });
    const all = Array.from({ length: 500 }, (_, i) => interaction(i + 1));
    await Promise.all(all.map((i) => store.addInteraction(i)));
    expect(await store.countInteractions()).toBe(500);
    // The thread's transactions keep the counts by state as the event loop's do.
    expect(await store.countByState()).toEqual([{ state: "pending", count: 500 }]);
    expect((await store.getInteraction(interaction(250).interactionGuid))?.state).toBe("pending");
    await store.close();
    expect(rowsIn(file)).toEqual({ interactions: all.map((i) => i.interactionGuid), firstDials: 500 });
  });

  it("close() waits for every request handed over before it", async () => {
    const file = await tempFile();
    const store = new SqliteStore(file, { writerThread: true });
    const settled = Array.from({ length: 2000 }, (_, i) => store.addInteraction(interaction(i + 1)));
    await store.close();
    await expect(Promise.all(settled)).resolves.toHaveLength(2000);
    expect(rowsIn(file).interactions).toHaveLength(2000);
    await expect(store.addInteraction(interaction(9999))).rejects.toThrow(/closed/);
  });

  it("a batch that cannot commit rejects its own requests only; the next ones commit", async () => {
    const file = await tempFile();
    const store = new SqliteStore(file, { writerThread: true });
    await store.addInteraction(interaction(1));
    await expect(store.addInteraction(interaction(1))).rejects.toThrow(/UNIQUE constraint failed/);
    await store.addInteraction(interaction(2));
    await store.close();
    expect(rowsIn(file)).toEqual({ interactions: [interaction(1).interactionGuid, interaction(2).interactionGuid], firstDials: 2 });
  });

  it("keeps the process alive while a commit is out, not once it is idle", async () => {
    const file = await tempFile();
    // A script that awaits one commit and never closes the store: it must print, then exit by itself.
    const script = `
      import { SqliteStore } from ${JSON.stringify(import.meta.resolve("@webcallback/server"))};
      const store = new SqliteStore(${JSON.stringify(file)}, { writerThread: true });
      await store.addInteraction(${JSON.stringify(interaction(1))});
      console.log("committed");
    `;
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(
        process.execPath,
        ["--input-type=module", "-e", script],
        { env: { PATH: process.env.PATH }, timeout: 20_000 },
        (error, out) => (error === null ? resolve(out) : reject(error)),
      );
    });
    expect(stdout.trim()).toBe("committed");
    expect(rowsIn(file).interactions).toEqual([interaction(1).interactionGuid]);
  });

  it("checkpoints on the thread within about a second, long before SQLite's autocheckpoint would", async () => {
    const file = await tempFile();
    const store = new SqliteStore(file, { writerThread: true });
    const before = statSync(file).size;
    // Far fewer pages than SQLite's autocheckpoint (1000): only the thread's timer copies them.
    await Promise.all(Array.from({ length: 300 }, (_, i) => store.addInteraction(interaction(i + 1))));
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before), { timeout: 5_000, interval: 100 });
    await store.close();
  });

  it("ignores the option for :memory:, which only one connection can see", async () => {
    const store = new SqliteStore(":memory:", { writerThread: true });
    await store.addInteraction(interaction(1));
    expect(await store.countInteractions()).toBe(1);
    await store.close();
  });
});

// The SQLite store: commits, group commit, listing, probing, closing, and reading a file back.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SCHEMA_VERSION, SqliteStore } from "../src/store/sqlite-store.js";
import { interaction, REQUEST, tempDatabases } from "./support/store-fixtures.ts";

const tempDatabase = tempDatabases("wc-store-");
const tempFile = () => tempDatabase("nested");

describe("SqliteStore", () => {
  it("commits, counts and lists interactions in the order they came", async () => {
    const store = new SqliteStore(":memory:");
    await store.addInteraction(interaction(1));
    await store.addInteraction(interaction(2, "Globex"));
    expect(await store.countInteractions()).toBe(2);
    const [first, second] = await store.listInteractions();
    expect(first).toEqual({ ...interaction(1), state: "pending" });
    expect(second?.tenant).toBe("Globex");
    expect(await store.listInteractions({ tenant: "Globex" })).toHaveLength(1);
    expect(await store.listInteractions({ limit: 1 })).toHaveLength(1);
    await store.close();
  });

  it("commits concurrent inserts together and settles each after the commit", async () => {
    const store = new SqliteStore(":memory:");
    const all = Array.from({ length: 1500 }, (_, i) => store.addInteraction(interaction(i)));
    await Promise.all(all);
    expect(await store.countInteractions()).toBe(1500);
    await store.close();
  });

  it("rejects the whole batch when its transaction fails, and goes on afterwards", async () => {
    const store = new SqliteStore(":memory:");
    await store.addInteraction(interaction(1));
    const results = await Promise.allSettled([store.addInteraction(interaction(2)), store.addInteraction(interaction(1))]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    await store.addInteraction(interaction(3));
    expect(await store.countInteractions()).toBe(2);
    await store.close();
  });

  it("probes, and refuses writes once closed", async () => {
    const store = new SqliteStore(":memory:");
    await expect(store.probe()).resolves.toBeUndefined();
    await store.close();
    await expect(store.addInteraction(interaction(1))).rejects.toThrow(/closed/);
    await expect(store.probe()).rejects.toThrow(/closed/);
  });

  it("finishes waiting commits when closed", async () => {
    const store = new SqliteStore(":memory:");
    const pending = store.addInteraction(interaction(1));
    await store.close();
    await expect(pending).resolves.toBeUndefined();
  });

  it("keeps a file in WAL mode with the documented schema, readable by another connection", async () => {
    const file = await tempFile();
    const store = new SqliteStore(file);
    await store.addInteraction(interaction(7));
    await store.close();

    const db = new Database(file, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    const row = db.prepare("SELECT * FROM interactions").get() as Record<string, unknown>;
    db.close();
    expect(row).toMatchObject({
      interaction_guid: interaction(7).interactionGuid,
      tenant: "Acme",
      callback_type: 1,
      phone: "16505551212",
      state: "pending",
      accepted_at: interaction(7).acceptedAt,
      due_at: interaction(7).dueAt,
      expires_at: null,
    });
    expect(JSON.parse(String(row.request_json))).toEqual(REQUEST);
  });

  it("opens a file read-only: reads work, writes reject", async () => {
    const file = await tempFile();
    const writer = new SqliteStore(file);
    await writer.addInteraction(interaction(1));
    const reader = new SqliteStore(file, { readOnly: true });
    expect(await reader.countInteractions()).toBe(1);
    await expect(reader.addInteraction(interaction(2))).rejects.toThrow(/read-only/);
    await expect(reader.probe()).resolves.toBeUndefined();
    await reader.close();
    await writer.close();
  });

  it("refuses a file written by a newer schema", async () => {
    const file = await tempFile();
    await new SqliteStore(file).close();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteStore(file)).toThrow(/schema version/);
  });
});

// The store's side of the work: atomic claims of due jobs, steps refused when their claim or
// expected state is gone, batches with savepoints, counts by state, and the migrations of older files.
import type { CallbackRequest } from "@webcallback/core";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { SCHEMA_VERSION, SqliteStore } from "../src/store/sqlite-store.js";
import type { NewInteraction } from "../src/store/store.js";
import { REQUEST as STORED_REQUEST, tempDatabases } from "./support/store-fixtures.ts";

// No user data: the rows written by hand below hold the same request.
const REQUEST: CallbackRequest = { ...STORED_REQUEST, userData: [] };

const T0 = 1_790_000_000_000;

function delayed(n: number, dueAt = T0 + n): NewInteraction {
  return {
    interactionGuid: `00000000-0000-7000-8000-${String(n).padStart(12, "0")}`,
    tenant: "Acme",
    callbackType: 1,
    phone: REQUEST.phone,
    request: REQUEST,
    acceptedAt: T0,
    dueAt,
    expiresAt: null,
    state: "pending",
  };
}

const tempFile = tempDatabases("wc-work-store-");

describe("claimDue", () => {
  it("gives each due job to one claimer only, earliest first, and none before its time", async () => {
    const file = await tempFile();
    const a = new SqliteStore(file);
    const b = new SqliteStore(file);
    await Promise.all(Array.from({ length: 200 }, (_, n) => a.addInteraction(delayed(n))));
    await a.addInteraction(delayed(999, T0 + 10_000));
    expect(await a.nextDueAt()).toBe(T0);

    // Two connections to one file take turns claiming, as two workers would.
    const won = { a: [] as number[], b: [] as number[] };
    for (;;) {
      const [fromA, fromB] = [await a.claimDue(T0 + 199, 7, "a"), await b.claimDue(T0 + 199, 5, "b")];
      won.a.push(...fromA.map((j) => j.id));
      won.b.push(...fromB.map((j) => j.id));
      if (fromA.length === 0 && fromB.length === 0) break;
      expect(fromA.map((j) => j.dueAt)).toEqual([...fromA.map((j) => j.dueAt)].sort((x, y) => x - y));
    }
    const all = [...won.a, ...won.b];
    expect(all).toHaveLength(200);
    expect(new Set(all).size).toBe(200);
    expect(won.a.filter((id) => won.b.includes(id))).toEqual([]);
    // The job due later stays unclaimed, and is the next due.
    expect(await a.nextDueAt()).toBe(T0 + 10_000);
    await a.close();
    await b.close();
  });

  it("refuses a step whose claim was lost, and releases the claims of a worker that is gone", async () => {
    const store = new SqliteStore(":memory:");
    await store.addInteraction(delayed(1));
    const [job] = await store.claimDue(T0 + 1, 10, "w1");
    if (job === undefined) throw new Error("no job");
    expect(await store.nextDueAt()).toBeUndefined();
    expect(await store.releaseClaims("w1")).toBe(1);
    const [again] = await store.claimDue(T0 + 1, 10, "w2");
    expect(again?.id).toBe(job.id);
    // w1's claim is gone: its step writes nothing.
    const refused = await store.applyChange({
      finishJob: { id: job.id, claim: "w1" },
      interaction: { guid: delayed(1).interactionGuid, state: "calling" },
    });
    expect(refused).toBe(false);
    expect((await store.getInteraction(delayed(1).interactionGuid))?.state).toBe("pending");
    expect(
      await store.applyChange({
        finishJob: { id: job.id, claim: "w2" },
        interaction: { guid: delayed(1).interactionGuid, from: ["pending"], state: "calling" },
      }),
    ).toBe(true);
    expect((await store.getInteraction(delayed(1).interactionGuid))?.state).toBe("calling");
    await store.close();
  });

  it("applies a batch step by step: a refused step leaves the others in", async () => {
    const store = new SqliteStore(":memory:");
    for (const n of [1, 2, 3]) await store.addInteraction(delayed(n));
    const jobs = await store.claimDue(T0 + 10, 10, "w");
    const results = await store.applyChanges(
      jobs.map((job, i) => ({
        finishJob: { id: job.id, claim: "w" },
        // The second expects a state the interaction is not in.
        interaction: { guid: job.ref, from: [i === 1 ? "queued" : "pending"], state: "calling" },
      })),
    );
    expect(results).toEqual([true, false, true]);
    const states = await Promise.all([1, 2, 3].map(async (n) => (await store.getInteraction(delayed(n).interactionGuid))?.state));
    expect(states).toEqual(["calling", "pending", "calling"]);
    await store.close();
  });
});

describe("schema", () => {
  it("migrates a version-1 file: pending requests get their jobs, type 2 waits in its queue", async () => {
    const file = await tempFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE interactions (interaction_guid TEXT PRIMARY KEY, tenant TEXT NOT NULL, callback_type INTEGER NOT NULL,
      phone TEXT NOT NULL, request_json TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', accepted_at INTEGER NOT NULL,
      due_at INTEGER, expires_at INTEGER);
      CREATE TABLE health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at INTEGER NOT NULL);`);
    const type2 = { ...REQUEST, callbackType: 2, queueId: "103", expirationSeconds: 3600 };
    const insert = old.prepare("INSERT INTO interactions VALUES (?, 'Acme', ?, '16505551212', ?, 'pending', ?, ?, ?)");
    insert.run("g1", 1, JSON.stringify(REQUEST), T0, T0 + 300_000, null);
    insert.run("g2", 2, JSON.stringify(type2), T0, null, T0 + 3_600_000);
    old.pragma("user_version = 1");
    old.close();

    const store = new SqliteStore(file);
    expect(SCHEMA_VERSION).toBe(4);
    expect(await store.getInteraction("g1")).toMatchObject({ state: "pending" });
    expect(await store.getInteraction("g2")).toMatchObject({ state: "queued", queueId: "103" });
    expect(await store.nextDueAt()).toBe(T0 + 300_000);
    const jobs = await store.claimDue(T0 + 3_600_000, 10, "w");
    expect(jobs.map((j) => [j.kind, j.ref])).toEqual([
      ["dial", "g1"],
      ["expire", "g2"],
    ]);
    expect(await store.nextQueued("Acme", ["103"], "agent-1")).toMatchObject({ interactionGuid: "g2" });
    await store.close();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    reopened.close();
  });

  it("migrates a version-2 file: each first dial moves from jobs onto its interaction's row, its claim with it", async () => {
    const file = await tempFile();
    const old = new Database(file);
    // The tables of version 2 that these steps touch, as that version wrote them.
    old.exec(`CREATE TABLE interactions (interaction_guid TEXT PRIMARY KEY, tenant TEXT NOT NULL, callback_type INTEGER NOT NULL,
      phone TEXT NOT NULL, request_json TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', accepted_at INTEGER NOT NULL,
      due_at INTEGER, expires_at INTEGER, queue_id TEXT, result TEXT);
      CREATE TABLE health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at INTEGER NOT NULL);
      CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, ref TEXT NOT NULL, due_at INTEGER NOT NULL, claim TEXT);
      CREATE INDEX jobs_due ON jobs (due_at) WHERE claim IS NULL;
      CREATE INDEX jobs_ref ON jobs (ref, kind);
      CREATE TABLE calls (call_id TEXT PRIMARY KEY, interaction_guid TEXT NOT NULL, data TEXT NOT NULL);
      CREATE TABLE offers (offer_id TEXT PRIMARY KEY, interaction_guid TEXT NOT NULL, agent_id TEXT NOT NULL, state TEXT NOT NULL, data TEXT NOT NULL);
      CREATE TABLE deliveries (delivery_id TEXT PRIMARY KEY, interaction_guid TEXT NOT NULL, data TEXT NOT NULL);
      CREATE TABLE agents (agent_id TEXT PRIMARY KEY, data TEXT NOT NULL);
      CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE INDEX interactions_queued ON interactions (tenant, queue_id, accepted_at) WHERE state = 'queued';
      CREATE INDEX interactions_state ON interactions (state);`);
    const insert = old.prepare("INSERT INTO interactions VALUES (?, 'Acme', 1, '16505551212', ?, 'pending', ?, ?, NULL, NULL, NULL)");
    for (const [guid, dueAt] of [
      ["g1", T0 + 100],
      ["g2", T0 + 200],
      ["g3", T0 + 300],
    ] as const)
      insert.run(guid, JSON.stringify(REQUEST), T0, dueAt);
    const job = old.prepare("INSERT INTO jobs (kind, ref, due_at, claim) VALUES (?, ?, ?, ?)");
    job.run("dial", "g1", T0 + 100, null);
    job.run("dial", "g2", T0 + 200, "gone-worker");
    job.run("answer", "call-9", T0 + 150, null);
    // g3's first dial was already done: it has no job left.
    old.pragma("user_version = 2");
    old.close();

    const store = new SqliteStore(file);
    expect(await store.nextDueAt()).toBe(T0 + 100);
    expect(await store.releaseClaims()).toBe(1);
    const jobs = await store.claimDue(T0 + 1_000, 10, "w");
    expect(jobs.map((j) => [j.kind, j.ref, j.dueAt])).toEqual([
      ["dial", "g1", T0 + 100],
      ["answer", "call-9", T0 + 150],
      ["dial", "g2", T0 + 200],
    ]);
    await store.close();
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare("SELECT count(*) AS n FROM jobs WHERE kind = 'dial'").get()).toEqual({ n: 0 });
    expect(reopened.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    reopened.close();
  });
});

describe("schema, version 3 to 4", () => {
  it("counts the interactions by state once, then keeps counting; the state index is dropped", async () => {
    const file = await tempFile();
    const store = new SqliteStore(file);
    await Promise.all([1, 2, 3].map((n) => store.addInteraction(delayed(n))));
    await store.close();
    // Back to version 3 as it was: no counts, an index on state.
    const old = new Database(file);
    old.exec(`DROP TRIGGER interaction_counts_moved; DROP TRIGGER interaction_counts_removed;
      DROP TABLE interaction_counts; CREATE INDEX interactions_state ON interactions (state);
      UPDATE interactions SET state = 'done' WHERE interaction_guid = '${delayed(3).interactionGuid}';`);
    old.pragma("user_version = 3");
    old.close();

    const reopened = new SqliteStore(file);
    expect(await reopened.countByState()).toEqual([
      { state: "done", count: 1 },
      { state: "pending", count: 2 },
    ]);
    await reopened.addInteraction(delayed(4));
    expect(await reopened.countInteractions()).toBe(4);
    await reopened.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'interactions_state'").all()).toEqual([]);
    expect(db.pragma("user_version", { simple: true })).toBe(4);
    db.close();
  });

  it("a read-only store refuses a file it would have to migrate, and says so", async () => {
    const file = await tempFile();
    await new SqliteStore(file).close();
    const db = new Database(file);
    db.pragma("user_version = 3");
    db.close();
    expect(() => new SqliteStore(file, { readOnly: true })).toThrow(/schema version 3, not 4: open it once with this server/);
  });
});

describe("counts by state", () => {
  const counts = async (store: SqliteStore) => Object.fromEntries((await store.countByState()).map((c) => [c.state, c.count]));

  it("follow every row added and every state change, and a change refused in a batch leaves them as they were", async () => {
    const store = new SqliteStore(":memory:");
    await Promise.all([1, 2, 3].map((n) => store.addInteraction(delayed(n))));
    await store.addInteraction({ ...delayed(4), callbackType: 2, dueAt: null, state: "queued" });
    expect(await counts(store)).toEqual({ pending: 3, queued: 1 });
    expect(await store.countInteractions()).toBe(4);

    const move = (n: number, from: "pending" | "calling", state: "calling" | "done") => ({
      interaction: { guid: delayed(n).interactionGuid, state, from: [from] },
    });
    // The second change expects a state the row is not in: it is refused and counts nothing.
    expect(await store.applyChanges([move(1, "pending", "calling"), move(2, "calling", "done"), move(3, "pending", "calling")])).toEqual([
      true,
      false,
      true,
    ]);
    expect(await counts(store)).toEqual({ calling: 2, pending: 1, queued: 1 });
    expect(await store.applyChange(move(1, "calling", "done"))).toBe(true);
    expect(await counts(store)).toEqual({ calling: 1, done: 1, pending: 1, queued: 1 });
    // A state that empties is left out, as a GROUP BY would.
    expect(await store.applyChange(move(3, "calling", "done"))).toBe(true);
    expect(await counts(store)).toEqual({ done: 2, pending: 1, queued: 1 });
    expect(await store.countInteractions()).toBe(4);
    await store.close();
  });

  it("are read from interaction_counts, not by counting rows, so a scrape costs the same at any size", async () => {
    const file = await tempFile();
    const store = new SqliteStore(file);
    await store.addInteraction(delayed(1));
    // The documented table, changed by another connection: the store reports what it holds.
    const other = new Database(file);
    other.prepare("UPDATE interaction_counts SET n = 1000000 WHERE state = 'pending'").run();
    other.close();
    expect(await store.countByState()).toEqual([{ state: "pending", count: 1_000_000 }]);
    await store.close();
  });
});

describe("first dials, kept on their interaction's row", () => {
  /** A queued type-2 request whose expiry is a job of the jobs table. */
  function queued(n: number, expiresAt: number): NewInteraction {
    return {
      ...delayed(n),
      callbackType: 2,
      request: { ...REQUEST, callbackType: 2, queueId: "103", expirationSeconds: 60 },
      dueAt: null,
      expiresAt,
      state: "queued",
    };
  }

  it("are claimed with the jobs table's jobs, earliest first, up to the limit; on a tie the first dial goes first", async () => {
    const store = new SqliteStore(":memory:");
    for (const n of [1, 2, 3]) await store.addInteraction(delayed(n, T0 + n * 10));
    await store.addInteraction(queued(4, T0 + 15));
    await store.addInteraction(queued(5, T0 + 30));
    await store.addInteraction(delayed(6, T0 + 30));
    const names = (jobs: readonly { kind: string; ref: string }[]) => jobs.map((j) => `${j.kind} ${j.ref.slice(-1)}`);
    expect(names(await store.claimDue(T0 + 100, 3, "w"))).toEqual(["dial 1", "expire 4", "dial 2"]);
    expect(await store.nextDueAt()).toBe(T0 + 30);
    expect(names(await store.claimDue(T0 + 100, 10, "w"))).toEqual(["dial 3", "dial 6", "expire 5"]);
    expect(await store.claimDue(T0 + 100, 10, "w")).toEqual([]);
    expect(await store.nextDueAt()).toBeUndefined();
    expect(await store.releaseClaims("w")).toBe(6);
    expect(await store.nextDueAt()).toBe(T0 + 10);
    await store.close();
  });

  it("is done once its step is applied: never handed out again, and its claim is checked like a job's", async () => {
    const store = new SqliteStore(":memory:");
    await store.addInteraction(delayed(1));
    await store.addInteraction(delayed(2));
    const [first, second] = await store.claimDue(T0 + 10, 10, "w");
    if (first === undefined || second === undefined) throw new Error("no dials");
    expect(first.kind).toBe("dial");
    expect(await store.applyChange({ finishJob: { id: first.id, claim: "someone-else" } })).toBe(false);
    expect(await store.applyChange({ finishJob: { id: first.id, claim: "w" } })).toBe(true);
    expect(await store.applyChange({ finishJob: { id: first.id, claim: "w" } })).toBe(false);
    // The second is handed back unfinished; only it comes out again.
    expect(await store.releaseClaims()).toBe(1);
    expect((await store.claimDue(T0 + 10, 10, "w2")).map((j) => j.ref)).toEqual([second.ref]);
    await store.close();
  });
});

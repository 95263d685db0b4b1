// The store's side of the work: atomic claims of due jobs, steps refused when their claim or
// expected state is gone, batches with savepoints, and the migration of a version-1 file.
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
    expect(SCHEMA_VERSION).toBe(2);
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
    expect(reopened.pragma("user_version", { simple: true })).toBe(2);
    reopened.close();
  });
});

// The row one accepted request writes, as one flat tuple: the same insert runs on the event
// loop or on the writer thread, and a tuple of strings and numbers crosses to that thread
// cheaply. A type-1 request's first dial is a column of that row (dial_at), not a jobs row:
// one B-tree fewer per request, and the two cannot be committed apart.
import type Database from "better-sqlite3";
import type { NewInteraction } from "./store.js";

/** guid, tenant, type, phone, request JSON, state, accepted at, due at, expires at, queue, first dial at. */
export type IntakeRow = readonly [
  string,
  string,
  1 | 2,
  string,
  string,
  string,
  number,
  number | null,
  number | null,
  string | null,
  number | null,
];

export function intakeRow(i: NewInteraction): IntakeRow {
  const queueId = i.request.callbackType === 2 ? i.request.queueId : null;
  return [
    i.interactionGuid,
    i.tenant,
    i.callbackType,
    i.phone,
    JSON.stringify(i.request),
    i.state ?? "pending",
    i.acceptedAt,
    i.dueAt,
    i.expiresAt,
    queueId,
    // The first dial falls due with the request (type 1); a type-2 request has no due time, it waits in its queue.
    i.dueAt,
  ];
}

/** Pragmas every connection that writes sets: WAL, and a commit that survives a process crash. */
export function useWal(db: Database.Database): void {
  // WAL with synchronous=NORMAL: a commit survives a process crash (power loss may drop the last ones).
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 2000");
}

/** One transaction that inserts a batch of rows; it throws (and writes nothing) if any row fails. */
export function intakeInserter(db: Database.Database): (rows: readonly IntakeRow[]) => void {
  const insert = db.prepare(
    "INSERT INTO interactions (interaction_guid, tenant, callback_type, phone, request_json, state, accepted_at, due_at, expires_at, queue_id, dial_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertJob = db.prepare("INSERT INTO jobs (kind, ref, due_at) VALUES (?, ?, ?)");
  const count = db.prepare("INSERT INTO interaction_counts (state, n) VALUES (?, ?) ON CONFLICT (state) DO UPDATE SET n = n + excluded.n");
  return db.transaction((rows: readonly IntakeRow[]) => {
    const added = new Map<string, number>();
    for (const row of rows) {
      insert.run(row);
      // A queued request's expiry goes in with it, so a crash cannot keep one without the other.
      if (row[8] !== null) insertJob.run("expire", row[0], row[8]);
      added.set(row[5], (added.get(row[5]) ?? 0) + 1);
    }
    // The counts /metrics reads, once per state in the batch: a trigger per row cost about 15% of an insert.
    for (const [state, n] of added) count.run(state, n);
  });
}

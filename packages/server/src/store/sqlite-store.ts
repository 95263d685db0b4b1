// The SQLite store (better-sqlite3, WAL). Inserts that arrive together are committed in
// one transaction (group commit), on the event loop or, with `writerThread`, on a worker
// thread (store/intake-writer.ts); each caller's promise settles only after that commit.
//
// Schema (PRAGMA user_version = 4; older files are migrated when opened), readable by any SQLite client:
//   interactions(
//     interaction_guid TEXT PRIMARY KEY,      -- a UUID, version 7 layout (store/interaction-guid.ts)
//     tenant           TEXT NOT NULL,
//     callback_type    INTEGER NOT NULL,      -- 1 or 2
//     phone            TEXT NOT NULL,         -- digits
//     request_json     TEXT NOT NULL,         -- the normalized CallbackRequest
//     state            TEXT NOT NULL,         -- pending, queued, offered, calling, done
//     accepted_at      INTEGER NOT NULL,      -- ms since the epoch, server clock
//     due_at           INTEGER,               -- type 1: accepted_at + delay
//     expires_at       INTEGER,               -- type 2: accepted_at + expiration, or NULL
//     queue_id         TEXT,                  -- type 2 (version 2)
//     result           TEXT,                  -- ctl_result once done (version 2)
//     dial_at          INTEGER,               -- type 1: its first dial, due then; NULL once done (version 3)
//     dial_claim       TEXT)                  -- the worker holding that dial (version 3)
//   jobs(id, kind, ref, due_at, claim)        -- the other timed steps; claim is the worker holding one (version 2)
// A first dial lives on its interaction's row rather than in jobs: intake then writes one row
// and fewer indexes per request. claimDue hands it out as a Job whose id is minus that row's rowid.
//   calls, offers, deliveries, agents(<key columns>, data TEXT)   -- JSON records of store.ts (version 2)
//   settings(name TEXT PRIMARY KEY, value TEXT)                   -- the simulator's clock offset (version 2)
//   interaction_counts(state TEXT PRIMARY KEY, n INTEGER)         -- interactions per state (version 4): intake adds its
//                                                                    batch's, triggers follow state changes and deletions
//   health(id INTEGER PRIMARY KEY, checked_at INTEGER)   -- one row, written by probe()
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { CallbackRequest } from "@webcallback/core";
import Database from "better-sqlite3";
import { GroupCommit, type GroupCommitLimits } from "./group-commit.js";
import { intakeInserter, intakeRow, useWal } from "./intake-rows.js";
import { IntakeWriter, WRITER_LIMITS } from "./intake-writer.js";
import type {
  AgentRecord,
  CallRecord,
  DeliveryRecord,
  InteractionResult,
  InteractionState,
  Job,
  JobKind,
  ListOptions,
  NewInteraction,
  OfferRecord,
  OfferState,
  StateCount,
  Store,
  StoredInteraction,
  WorkChange,
} from "./store.js";

export const SCHEMA_VERSION = 4;

/** On the event loop: 512 waiting rows are committed at once rather than on the next turn; commits run one at a time anyway. */
const INLINE_LIMITS: GroupCommitLimits = { maxRows: 512, maxInFlight: Number.POSITIVE_INFINITY };

const SCHEMA = `
CREATE TABLE IF NOT EXISTS interactions (
  interaction_guid TEXT PRIMARY KEY,
  tenant TEXT NOT NULL,
  callback_type INTEGER NOT NULL CHECK (callback_type IN (1, 2)),
  phone TEXT NOT NULL,
  request_json TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  accepted_at INTEGER NOT NULL,
  due_at INTEGER,
  expires_at INTEGER
);
CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at INTEGER NOT NULL);
`;

/** From version 1 to 2: the work tables, and the jobs of requests accepted before the upgrade. */
const MIGRATE_TO_2 = `
ALTER TABLE interactions ADD COLUMN queue_id TEXT;
ALTER TABLE interactions ADD COLUMN result TEXT;
CREATE TABLE jobs (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, ref TEXT NOT NULL, due_at INTEGER NOT NULL, claim TEXT);
CREATE INDEX jobs_due ON jobs (due_at) WHERE claim IS NULL;
CREATE INDEX jobs_ref ON jobs (ref, kind);
CREATE TABLE calls (call_id TEXT PRIMARY KEY, interaction_guid TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX calls_interaction ON calls (interaction_guid);
CREATE TABLE offers (offer_id TEXT PRIMARY KEY, interaction_guid TEXT NOT NULL, agent_id TEXT NOT NULL, state TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX offers_interaction ON offers (interaction_guid, agent_id, state);
CREATE INDEX offers_state ON offers (state);
CREATE TABLE deliveries (delivery_id TEXT PRIMARY KEY, interaction_guid TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX deliveries_interaction ON deliveries (interaction_guid);
CREATE TABLE agents (agent_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE INDEX interactions_queued ON interactions (tenant, queue_id, accepted_at) WHERE state = 'queued';
CREATE INDEX interactions_state ON interactions (state);
UPDATE interactions SET state = 'queued', queue_id = json_extract(request_json, '$.queueId') WHERE callback_type = 2 AND state = 'pending';
INSERT INTO jobs (kind, ref, due_at) SELECT 'dial', interaction_guid, due_at FROM interactions WHERE callback_type = 1 AND state = 'pending' AND due_at IS NOT NULL;
INSERT INTO jobs (kind, ref, due_at) SELECT 'expire', interaction_guid, expires_at FROM interactions WHERE state = 'queued' AND expires_at IS NOT NULL;
`;

/** From version 2 to 3: each first dial moves from jobs onto its interaction's row. */
const MIGRATE_TO_3 = `
ALTER TABLE interactions ADD COLUMN dial_at INTEGER;
ALTER TABLE interactions ADD COLUMN dial_claim TEXT;
UPDATE interactions SET dial_at = j.due_at, dial_claim = j.claim
  FROM (SELECT ref, due_at, claim FROM jobs WHERE kind = 'dial') AS j WHERE interactions.interaction_guid = j.ref;
DELETE FROM jobs WHERE kind = 'dial';
CREATE INDEX interactions_dial ON interactions (dial_at) WHERE dial_at IS NOT NULL AND dial_claim IS NULL;
CREATE INDEX interactions_dial_claim ON interactions (dial_claim) WHERE dial_claim IS NOT NULL;
`;

/**
 * From version 3 to 4: interactions per state are counted as rows come, move and go, so
 * /metrics reads a handful of rows instead of scanning every interaction (a scrape of a
 * million-row file held the event loop for tens of ms, and anyone may ask for /metrics).
 * The state index served only that scan. Intake counts a whole batch in one statement
 * (intake-rows.ts): an insert trigger, a statement per row, cost more than the index did.
 */
const MIGRATE_TO_4 = `
CREATE TABLE interaction_counts (state TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO interaction_counts (state, n) SELECT state, count(*) FROM interactions GROUP BY state;
CREATE TRIGGER interaction_counts_moved AFTER UPDATE OF state ON interactions WHEN OLD.state IS NOT NEW.state BEGIN
  UPDATE interaction_counts SET n = n - 1 WHERE state = OLD.state;
  INSERT INTO interaction_counts (state, n) VALUES (NEW.state, 1) ON CONFLICT (state) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER interaction_counts_removed AFTER DELETE ON interactions BEGIN
  UPDATE interaction_counts SET n = n - 1 WHERE state = OLD.state;
END;
DROP INDEX interactions_state;
`;

/** Thrown inside a transaction to undo a change whose claim or expected state no longer holds. */
class ChangeRefused extends Error {
  override readonly name = "ChangeRefused";
}

const parse = <T>(row: { data: string } | undefined): T | undefined => (row === undefined ? undefined : (JSON.parse(row.data) as T));

interface Row {
  interaction_guid: string;
  tenant: string;
  callback_type: number;
  phone: string;
  request_json: string;
  state: string;
  accepted_at: number;
  due_at: number | null;
  expires_at: number | null;
  queue_id: string | null;
  result: string | null;
}

interface JobRow {
  /** A jobs row's id, or minus the rowid of the interaction whose first dial this is. */
  id: number;
  kind: string;
  ref: string;
  due_at: number;
}

/** Among jobs due at the same time: first dials by their row (negative ids), then jobs by id. */
const tieOrder = (id: number): number => (id < 0 ? Number.MIN_SAFE_INTEGER - id : id);

function interactionOf(row: Row): StoredInteraction {
  return {
    interactionGuid: row.interaction_guid,
    tenant: row.tenant,
    callbackType: row.callback_type === 2 ? 2 : 1,
    phone: row.phone,
    request: JSON.parse(row.request_json) as CallbackRequest,
    state: row.state as InteractionState,
    acceptedAt: row.accepted_at,
    dueAt: row.due_at,
    expiresAt: row.expires_at,
    queueId: row.queue_id ?? undefined,
    result: (row.result ?? undefined) as InteractionResult | undefined,
  };
}

export interface SqliteStoreOptions {
  /** Open an existing file for reading only (no schema changes, writes reject). */
  readonly readOnly?: boolean;
  /**
   * Commit accepted requests on a worker thread with its own connection, so the event loop
   * keeps serving during each commit (`webcallback serve --writer-thread`). Ignored for `:memory:`.
   * @default false
   */
  readonly writerThread?: boolean;
}

export class SqliteStore implements Store {
  readonly engine = "sqlite";
  private readonly db: Database.Database;
  /** Accepted requests on their way into a transaction; undefined when read-only. */
  private readonly intake: GroupCommit | undefined;
  private readonly writer: IntakeWriter | undefined;
  /** Prepared once per SQL text: preparing costs more than running most of these statements. */
  private readonly statements = new Map<string, Database.Statement>();
  private closed = false;

  /** `file` is a path or `:memory:`; the file's directory is created when missing. */
  constructor(
    readonly file: string,
    options: SqliteStoreOptions = {},
  ) {
    const memory = file === ":memory:";
    if (options.readOnly === true) {
      this.db = new Database(file, { readonly: true, fileMustExist: true });
      const found = this.db.pragma("user_version", { simple: true }) as number;
      if (found !== SCHEMA_VERSION) {
        this.db.close();
        // Reading cannot migrate: the tables this version reads may not be there yet.
        throw new Error(
          `${file} has schema version ${found}, not ${SCHEMA_VERSION}: open it once with this server to migrate it before reading it`,
        );
      }
      return;
    }
    if (!memory) mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    useWal(this.db);
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      this.db.close();
      throw new Error(`${file} has schema version ${version}; this server knows up to ${SCHEMA_VERSION}`);
    }
    this.db.transaction(() => {
      this.db.exec(SCHEMA);
      if (version < 2) this.db.exec(MIGRATE_TO_2);
      if (version < 3) this.db.exec(MIGRATE_TO_3);
      if (version < 4) this.db.exec(MIGRATE_TO_4);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    if (options.writerThread === true && !memory) {
      // Checkpoints (page copies and fsyncs) happen on the writer thread, never on the event loop.
      this.db.pragma("wal_autocheckpoint = 0");
      const writer = new IntakeWriter(file);
      this.writer = writer;
      this.intake = new GroupCommit((rows) => writer.commit(rows), WRITER_LIMITS);
    } else {
      // The writer thread needs a file both connections open; `:memory:` is private to this one.
      this.intake = new GroupCommit(intakeInserter(this.db), INLINE_LIMITS);
    }
  }

  addInteraction(interaction: NewInteraction): Promise<void> {
    if (this.closed || this.intake === undefined) return Promise.reject(new Error("the store is closed or read-only"));
    return this.intake.add(intakeRow(interaction));
  }

  async countInteractions(): Promise<number> {
    const row = this.sql("SELECT coalesce(sum(n), 0) AS n FROM interaction_counts").get() as { n: number };
    return row.n;
  }

  async listInteractions(options: ListOptions = {}): Promise<StoredInteraction[]> {
    const limit = options.limit ?? 1000;
    const rows = (
      options.tenant === undefined
        ? this.db.prepare("SELECT * FROM interactions ORDER BY rowid LIMIT ?").all(limit)
        : this.db.prepare("SELECT * FROM interactions WHERE tenant = ? ORDER BY rowid LIMIT ?").all(options.tenant, limit)
    ) as Row[];
    return rows.map(interactionOf);
  }

  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      // The texts are a fixed set but for the length of IN lists: a generous bound is enough.
      if (this.statements.size >= 512) this.statements.clear();
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private writable(): void {
    if (this.closed || this.intake === undefined) throw new Error("the store is closed or read-only");
  }

  async claimDue(now: number, limit: number, claimer: string): Promise<Job[]> {
    this.writable();
    // Reads first: with nothing due no write lock is taken, so intake's writer thread is not kept waiting.
    if (
      this.sql("SELECT 1 FROM jobs WHERE claim IS NULL AND due_at <= ? LIMIT 1").get(now) === undefined &&
      this.sql("SELECT 1 FROM interactions WHERE dial_at <= ? AND dial_claim IS NULL LIMIT 1").get(now) === undefined
    )
      return [];
    // IMMEDIATE: the candidates read are still unclaimed when they are claimed, whoever else claims.
    return this.db.transaction(() => this.claim(now, limit, claimer)).immediate();
  }

  /** The `limit` earliest due of both kinds of job (first dials and the jobs table), claimed for `claimer`. */
  private claim(now: number, limit: number, claimer: string): Job[] {
    const jobs = this.sql("SELECT id, kind, ref, due_at FROM jobs WHERE claim IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT ?").all(
      now,
      limit,
    ) as JobRow[];
    const dials = this.sql(
      "SELECT -rowid AS id, 'dial' AS kind, interaction_guid AS ref, dial_at AS due_at FROM interactions WHERE dial_at <= ? AND dial_claim IS NULL ORDER BY dial_at, rowid LIMIT ?",
    ).all(now, limit) as JobRow[];
    // Earliest first; on a tie first dials (older requests first), then jobs in the order they were added.
    const chosen = [...dials, ...jobs].sort((a, b) => a.due_at - b.due_at || tieOrder(a.id) - tieOrder(b.id)).slice(0, limit);
    const claimJob = this.sql("UPDATE jobs SET claim = ? WHERE id = ?");
    const claimDial = this.sql("UPDATE interactions SET dial_claim = ? WHERE rowid = ?");
    for (const row of chosen) {
      if (row.id < 0) claimDial.run(claimer, -row.id);
      else claimJob.run(claimer, row.id);
    }
    return chosen.map((row) => ({ id: row.id, kind: row.kind as JobKind, ref: row.ref, dueAt: row.due_at, claim: claimer }));
  }

  async nextDueAt(): Promise<number | undefined> {
    const row = this.sql(
      `SELECT min(due) AS due FROM (
         SELECT min(due_at) AS due FROM jobs WHERE claim IS NULL
         UNION ALL SELECT min(dial_at) FROM interactions WHERE dial_at IS NOT NULL AND dial_claim IS NULL)`,
    ).get() as { due: number | null };
    return row.due ?? undefined;
  }

  async releaseClaims(claimer?: string): Promise<number> {
    this.writable();
    return this.db.transaction(() =>
      claimer === undefined
        ? this.sql("UPDATE jobs SET claim = NULL WHERE claim IS NOT NULL").run().changes +
          this.sql("UPDATE interactions SET dial_claim = NULL WHERE dial_claim IS NOT NULL").run().changes
        : this.sql("UPDATE jobs SET claim = NULL WHERE claim = ?").run(claimer).changes +
          this.sql("UPDATE interactions SET dial_claim = NULL WHERE dial_claim = ?").run(claimer).changes,
    )();
  }

  async applyChange(change: WorkChange): Promise<boolean> {
    this.writable();
    try {
      this.db.transaction(() => this.write(change))();
      return true;
    } catch (error) {
      if (error instanceof ChangeRefused) return false;
      throw error;
    }
  }

  async applyChanges(changes: readonly WorkChange[]): Promise<boolean[]> {
    this.writable();
    // One transaction for the lot; each change in its own savepoint (a nested better-sqlite3 transaction).
    const one = this.db.transaction((change: WorkChange) => this.write(change));
    return this.db.transaction(() =>
      changes.map((change) => {
        try {
          one(change);
          return true;
        } catch (error) {
          if (error instanceof ChangeRefused) return false;
          throw error;
        }
      }),
    )();
  }

  private write(change: WorkChange): void {
    const finish = change.finishJob;
    if (finish !== undefined) {
      const done =
        finish.id < 0
          ? this.sql("UPDATE interactions SET dial_at = NULL, dial_claim = NULL WHERE rowid = ? AND dial_claim = ?").run(
              -finish.id,
              finish.claim,
            )
          : this.sql("DELETE FROM jobs WHERE id = ? AND claim = ?").run(finish.id, finish.claim);
      if (done.changes !== 1) throw new ChangeRefused("the job's claim was lost");
    }
    const move = change.interaction;
    if (move !== undefined) {
      const from = move.from ?? [];
      const guard = from.length === 0 ? "" : ` AND state IN (${from.map(() => "?").join(", ")})`;
      const moved = this.sql(`UPDATE interactions SET state = ?, result = coalesce(?, result) WHERE interaction_guid = ?${guard}`).run(
        move.state,
        move.result ?? null,
        move.guid,
        ...from,
      );
      if (moved.changes !== 1) throw new ChangeRefused("the interaction is not in the expected state");
    }
    for (const call of change.putCalls ?? []) {
      this.sql("INSERT OR REPLACE INTO calls (call_id, interaction_guid, data) VALUES (?, ?, ?)").run(
        call.callId,
        call.interactionGuid,
        JSON.stringify(call),
      );
    }
    for (const offer of change.putOffers ?? []) {
      this.sql("INSERT OR REPLACE INTO offers (offer_id, interaction_guid, agent_id, state, data) VALUES (?, ?, ?, ?, ?)").run(
        offer.offerId,
        offer.interactionGuid,
        offer.agentId,
        offer.state,
        JSON.stringify(offer),
      );
    }
    for (const delivery of change.putDeliveries ?? []) {
      this.sql("INSERT OR REPLACE INTO deliveries (delivery_id, interaction_guid, data) VALUES (?, ?, ?)").run(
        delivery.deliveryId,
        delivery.interactionGuid,
        JSON.stringify(delivery),
      );
    }
    for (const agent of change.putAgents ?? []) {
      this.sql("INSERT OR REPLACE INTO agents (agent_id, data) VALUES (?, ?)").run(agent.agentId, JSON.stringify(agent));
    }
    for (const drop of change.dropJobs ?? []) {
      this.sql("DELETE FROM jobs WHERE ref = ? AND kind = ? AND claim IS NULL").run(drop.ref, drop.kind);
    }
    for (const job of change.addJobs ?? []) {
      this.sql("INSERT INTO jobs (kind, ref, due_at) VALUES (?, ?, ?)").run(job.kind, job.ref, job.dueAt);
    }
  }

  async getInteraction(guid: string): Promise<StoredInteraction | undefined> {
    const row = this.sql("SELECT * FROM interactions WHERE interaction_guid = ?").get(guid) as Row | undefined;
    return row === undefined ? undefined : interactionOf(row);
  }

  async countByState(): Promise<StateCount[]> {
    const rows = this.sql("SELECT state, n FROM interaction_counts WHERE n > 0 ORDER BY state").all() as { state: string; n: number }[];
    return rows.map((row) => ({ state: row.state as InteractionState, count: row.n }));
  }

  async nextQueued(tenant: string, queues: readonly string[], agentId: string): Promise<StoredInteraction | undefined> {
    if (queues.length === 0) return undefined;
    const row = this.sql(
      `SELECT * FROM interactions i WHERE state = 'queued' AND tenant = ? AND queue_id IN (${queues.map(() => "?").join(", ")})
         AND NOT EXISTS (SELECT 1 FROM offers o WHERE o.interaction_guid = i.interaction_guid AND o.agent_id = ? AND o.state = 'rejected')
         ORDER BY accepted_at, rowid LIMIT 1`,
    ).get(tenant, ...queues, agentId) as Row | undefined;
    return row === undefined ? undefined : interactionOf(row);
  }

  async listCalls(filter: { interactionGuid?: string; limit?: number } = {}): Promise<CallRecord[]> {
    const limit = filter.limit ?? 1000;
    const rows = (
      filter.interactionGuid === undefined
        ? this.sql("SELECT data FROM calls ORDER BY rowid LIMIT ?").all(limit)
        : this.sql("SELECT data FROM calls WHERE interaction_guid = ? ORDER BY rowid LIMIT ?").all(filter.interactionGuid, limit)
    ) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as CallRecord);
  }

  async getCall(callId: string): Promise<CallRecord | undefined> {
    return parse<CallRecord>(this.sql("SELECT data FROM calls WHERE call_id = ?").get(callId) as { data: string } | undefined);
  }

  async listOffers(
    filter: { state?: OfferState; interactionGuid?: string; agentId?: string; limit?: number } = {},
  ): Promise<OfferRecord[]> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (filter.state !== undefined) {
      where.push("state = ?");
      args.push(filter.state);
    }
    if (filter.interactionGuid !== undefined) {
      where.push("interaction_guid = ?");
      args.push(filter.interactionGuid);
    }
    if (filter.agentId !== undefined) {
      where.push("agent_id = ?");
      args.push(filter.agentId);
    }
    const sql = `SELECT data FROM offers ${where.length === 0 ? "" : `WHERE ${where.join(" AND ")}`} ORDER BY rowid LIMIT ?`;
    const rows = this.sql(sql).all(...args, filter.limit ?? 1000) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as OfferRecord);
  }

  async getOffer(offerId: string): Promise<OfferRecord | undefined> {
    return parse<OfferRecord>(this.sql("SELECT data FROM offers WHERE offer_id = ?").get(offerId) as { data: string } | undefined);
  }

  async listDeliveries(filter: { interactionGuid?: string; limit?: number } = {}): Promise<DeliveryRecord[]> {
    const limit = filter.limit ?? 1000;
    const rows = (
      filter.interactionGuid === undefined
        ? this.sql("SELECT data FROM deliveries ORDER BY rowid LIMIT ?").all(limit)
        : this.sql("SELECT data FROM deliveries WHERE interaction_guid = ? ORDER BY rowid LIMIT ?").all(filter.interactionGuid, limit)
    ) as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as DeliveryRecord);
  }

  async getDelivery(deliveryId: string): Promise<DeliveryRecord | undefined> {
    return parse<DeliveryRecord>(
      this.sql("SELECT data FROM deliveries WHERE delivery_id = ?").get(deliveryId) as { data: string } | undefined,
    );
  }

  async listAgents(): Promise<AgentRecord[]> {
    const rows = this.sql("SELECT data FROM agents ORDER BY rowid").all() as { data: string }[];
    return rows.map((row) => JSON.parse(row.data) as AgentRecord);
  }

  async getAgent(agentId: string): Promise<AgentRecord | undefined> {
    return parse<AgentRecord>(this.sql("SELECT data FROM agents WHERE agent_id = ?").get(agentId) as { data: string } | undefined);
  }

  async seedAgents(agents: readonly AgentRecord[]): Promise<void> {
    this.writable();
    const insert = this.sql("INSERT OR IGNORE INTO agents (agent_id, data) VALUES (?, ?)");
    this.db.transaction(() => {
      for (const agent of agents) insert.run(agent.agentId, JSON.stringify(agent));
    })();
  }

  async clockOffset(): Promise<number> {
    const row = this.sql("SELECT value FROM settings WHERE name = 'clock_offset_ms'").get() as { value: string } | undefined;
    return row === undefined ? 0 : Number(row.value);
  }

  async setClockOffset(offsetMs: number): Promise<void> {
    this.writable();
    this.sql(
      "INSERT INTO settings (name, value) VALUES ('clock_offset_ms', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    ).run(String(offsetMs));
  }

  async probe(): Promise<void> {
    if (this.closed) throw new Error("the store is closed");
    if (this.intake !== undefined) {
      this.sql("INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at").run(
        Date.now(),
      );
    }
    this.sql("SELECT 1 FROM interactions LIMIT 1").get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.intake?.drain();
    await this.writer?.close();
    this.db.close();
  }
}

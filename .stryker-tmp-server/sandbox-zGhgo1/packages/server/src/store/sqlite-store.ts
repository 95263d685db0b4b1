// @ts-nocheck
// The SQLite store (better-sqlite3, WAL). Inserts that arrive together are committed in
// one transaction (group commit); each caller's promise settles only after that commit.
//
// Schema (PRAGMA user_version = 1), readable by any SQLite client:
//   interactions(
//     interaction_guid TEXT PRIMARY KEY,      -- a UUID, version 7 layout (store/interaction-guid.ts)
//     tenant           TEXT NOT NULL,
//     callback_type    INTEGER NOT NULL,      -- 1 or 2
//     phone            TEXT NOT NULL,         -- digits
//     request_json     TEXT NOT NULL,         -- the normalized CallbackRequest
//     state            TEXT NOT NULL,         -- 'pending' at intake
//     accepted_at      INTEGER NOT NULL,      -- ms since the epoch, server clock
//     due_at           INTEGER,               -- type 1: accepted_at + delay
//     expires_at       INTEGER)               -- type 2: accepted_at + expiration, or NULL
//   health(id INTEGER PRIMARY KEY, checked_at INTEGER)   -- one row, written by probe()
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { CallbackRequest } from "@webcallback/core";
import Database from "better-sqlite3";
import type { InteractionState, ListOptions, NewInteraction, Store, StoredInteraction } from "./store.js";

export const SCHEMA_VERSION = 1;

/** More waiting inserts than this are committed at once rather than on the next turn. */
const MAX_BATCH = 512;

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
}

interface Waiting {
  readonly interaction: NewInteraction;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface SqliteStoreOptions {
  /** Open an existing file for reading only (no schema changes, writes reject). */
  readonly readOnly?: boolean;
}

export class SqliteStore implements Store {
  readonly engine = "sqlite";
  private readonly db: Database.Database;
  private readonly insert: Database.Statement | undefined;
  private readonly insertAll: ((batch: readonly Waiting[]) => void) | undefined;
  private waiting: Waiting[] = [];
  private scheduled = false;
  private closed = false;

  /** `file` is a path or `:memory:`; the file's directory is created when missing. */
  constructor(
    readonly file: string,
    options: SqliteStoreOptions = {},
  ) {
    const memory = file === ":memory:";
    if (options.readOnly === true) {
      this.db = new Database(file, { readonly: true, fileMustExist: true });
      return;
    }
    if (!memory) mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    // WAL with synchronous=NORMAL: a commit survives a process crash (power loss may drop the last ones).
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 2000");
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      this.db.close();
      throw new Error(`${file} has schema version ${version}; this server knows up to ${SCHEMA_VERSION}`);
    }
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    const insert = this.db.prepare(
      "INSERT INTO interactions (interaction_guid, tenant, callback_type, phone, request_json, state, accepted_at, due_at, expires_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)",
    );
    this.insert = insert;
    this.insertAll = this.db.transaction((batch: readonly Waiting[]) => {
      for (const { interaction: i } of batch) {
        insert.run(i.interactionGuid, i.tenant, i.callbackType, i.phone, JSON.stringify(i.request), i.acceptedAt, i.dueAt, i.expiresAt);
      }
    });
  }

  addInteraction(interaction: NewInteraction): Promise<void> {
    if (this.closed || this.insertAll === undefined) return Promise.reject(new Error("the store is closed or read-only"));
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ interaction, resolve, reject });
      if (this.waiting.length >= MAX_BATCH) {
        this.commit();
      } else if (!this.scheduled) {
        // setImmediate lets the requests already read in this turn join the same transaction.
        this.scheduled = true;
        setImmediate(this.commitScheduled);
      }
    });
  }

  private readonly commitScheduled = (): void => {
    this.scheduled = false;
    this.commit();
  };

  /** Commits everything waiting in one transaction, then settles each waiter. */
  private commit(): void {
    const batch = this.waiting;
    if (batch.length === 0 || this.insertAll === undefined) return;
    this.waiting = [];
    try {
      this.insertAll(batch);
    } catch (error) {
      for (const w of batch) w.reject(error);
      return;
    }
    for (const w of batch) w.resolve();
  }

  async countInteractions(): Promise<number> {
    const row = this.db.prepare("SELECT count(*) AS n FROM interactions").get() as { n: number };
    return row.n;
  }

  async listInteractions(options: ListOptions = {}): Promise<StoredInteraction[]> {
    const limit = options.limit ?? 1000;
    const rows = (
      options.tenant === undefined
        ? this.db.prepare("SELECT * FROM interactions ORDER BY rowid LIMIT ?").all(limit)
        : this.db.prepare("SELECT * FROM interactions WHERE tenant = ? ORDER BY rowid LIMIT ?").all(options.tenant, limit)
    ) as Row[];
    return rows.map((row) => ({
      interactionGuid: row.interaction_guid,
      tenant: row.tenant,
      callbackType: row.callback_type === 2 ? 2 : 1,
      phone: row.phone,
      request: JSON.parse(row.request_json) as CallbackRequest,
      state: row.state as InteractionState,
      acceptedAt: row.accepted_at,
      dueAt: row.due_at,
      expiresAt: row.expires_at,
    }));
  }

  async probe(): Promise<void> {
    if (this.closed) throw new Error("the store is closed");
    if (this.insert !== undefined) {
      this.db
        .prepare("INSERT INTO health (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at")
        .run(Date.now());
    }
    this.db.prepare("SELECT 1 FROM interactions LIMIT 1").get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.commit();
    this.closed = true;
    this.db.close();
  }
}

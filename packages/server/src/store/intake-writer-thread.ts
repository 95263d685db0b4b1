// The writer thread's entry: its own connection to the store's file, and one transaction per
// batch the event loop sends. It answers each batch once the commit has returned.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { type IntakeRow, intakeInserter, useWal } from "./intake-rows.js";

export interface WriterBatch {
  readonly seq: number;
  readonly rows: readonly IntakeRow[];
}

export interface WriterAnswer {
  readonly seq: number;
  /** Set when the batch was not committed. */
  readonly error?: string;
}

/** How often the thread checkpoints what the event loop's connection wrote. */
const CHECKPOINT_EVERY_MS = 1000;

const port = parentPort;
if (port !== null) {
  const db = new Database((workerData as { file: string }).file, { fileMustExist: true });
  useWal(db);
  const insertAll = intakeInserter(db);
  // The event loop's connection leaves checkpoints to this thread (see SqliteStore); this one
  // checkpoints after a large commit (SQLite's autocheckpoint) and, for the loop's writes, every second.
  const checkpoints = setInterval(() => db.pragma("wal_checkpoint(PASSIVE)"), CHECKPOINT_EVERY_MS);
  checkpoints.unref();
  port.on("message", (batch: WriterBatch | "close") => {
    if (batch === "close") {
      clearInterval(checkpoints);
      db.close();
      port.close();
      return;
    }
    let answer: WriterAnswer;
    try {
      insertAll(batch.rows);
      answer = { seq: batch.seq };
    } catch (error) {
      answer = { seq: batch.seq, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(answer);
  });
}

// Commits batches of accepted requests on a worker thread, so the event loop parses and
// answers the next requests while SQLite writes the last ones. The batching itself is
// GroupCommit's; this class carries a batch to the thread and its answer back.
import { Worker } from "node:worker_threads";
import type { GroupCommitLimits } from "./group-commit.js";
import type { IntakeRow } from "./intake-rows.js";
import type { WriterAnswer, WriterBatch } from "./intake-writer-thread.js";

/**
 * Small batches, several out at once: a batch leaves as soon as 16 rows wait, so the thread
 * commits it while the event loop parses the next requests, and the thread finds the next
 * batch waiting when it finishes. With one large batch per turn both sides took turns idling
 * (32 connections, loopback: about 15% fewer requests/s than with these limits).
 */
export const WRITER_LIMITS: GroupCommitLimits = { maxRows: 16, maxInFlight: 4 };

export class IntakeWriterError extends Error {
  override readonly name = "IntakeWriterError";
}

interface Pending {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class IntakeWriter {
  private worker: Worker | undefined;
  /** Batches out, by sequence number. */
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  constructor(private readonly file: string) {
    this.worker = this.spawn();
  }

  /** Commits `rows` in one transaction on the thread; rejects when it could not. */
  commit(rows: readonly IntakeRow[]): Promise<void> {
    this.worker ??= this.spawn();
    const batch: WriterBatch = { seq: ++this.seq, rows };
    const worker = this.worker;
    return new Promise<void>((resolve, reject) => {
      this.pending.set(batch.seq, { resolve, reject });
      // Held only while a batch is out: an idle writer does not keep the process alive.
      worker.ref();
      worker.postMessage(batch);
    });
  }

  /** Ends the thread; call it once no batch is out (GroupCommit.drain). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker === undefined) return;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    worker.ref();
    worker.postMessage("close");
    await exited;
  }

  private spawn(): Worker {
    const worker = new Worker(new URL("./intake-writer-thread.js", import.meta.url), {
      workerData: { file: this.file },
      // None of the parent's options: the thread runs built JS, and some options (`--input-type`,
      // `--trace-gc`) make a worker fail to start, inherited or given.
      execArgv: [],
    });
    worker.on("message", (answer: WriterAnswer) => this.settle(answer));
    // A thread that fails or exits fails what it held; the next batch starts a new one.
    worker.on("error", (error) => this.lost(worker, error));
    worker.on("exit", (code) => this.lost(worker, new IntakeWriterError(`the writer thread exited with code ${code}`)));
    worker.unref();
    return worker;
  }

  private settle(answer: WriterAnswer): void {
    const pending = this.pending.get(answer.seq);
    if (pending === undefined) return;
    this.pending.delete(answer.seq);
    if (this.pending.size === 0) this.worker?.unref();
    if (answer.error === undefined) pending.resolve();
    else pending.reject(new IntakeWriterError(answer.error));
  }

  private lost(worker: Worker, error: unknown): void {
    if (this.worker === worker) this.worker = undefined;
    const lost = [...this.pending.values()];
    this.pending.clear();
    for (const pending of lost) pending.reject(error);
  }
}

// Commits accepted requests on a worker thread, so the event loop parses and answers the next
// requests while SQLite writes the last ones. The requests read in one turn of the event loop
// travel as one batch and commit in one transaction. Two batches may be out at once: the
// thread finds the next one waiting when it finishes a commit, instead of idling for the round
// trip to the event loop and back.
import { Worker } from "node:worker_threads";
import type { IntakeRow } from "./intake-rows.js";
import type { WriterAnswer, WriterBatch } from "./intake-writer-thread.js";

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Batches handed to the thread and not yet answered, at most. */
const MAX_IN_FLIGHT = 2;

/** More rows than this in one message wait for the next one, so no transaction grows without bound. */
const MAX_ROWS_PER_BATCH = 1024;

export class IntakeWriterError extends Error {
  override readonly name = "IntakeWriterError";
}

export class IntakeWriter {
  private worker: Worker | undefined;
  private rows: IntakeRow[] = [];
  private waiters: Waiter[] = [];
  /** Batches out, by sequence number, in the order they were sent (the thread answers in that order). */
  private readonly inFlight = new Map<number, Waiter[]>();
  private seq = 0;
  private scheduled = false;
  private closing: Promise<void> | undefined;
  private idle: (() => void) | undefined;

  constructor(private readonly file: string) {
    this.worker = this.spawn();
  }

  write(row: IntakeRow): Promise<void> {
    if (this.closing !== undefined) return Promise.reject(new IntakeWriterError("the store is closing"));
    return new Promise<void>((resolve, reject) => {
      this.rows.push(row);
      this.waiters.push({ resolve, reject });
      if (!this.scheduled && this.inFlight.size < MAX_IN_FLIGHT) {
        // setImmediate lets the requests read in this turn of the event loop share one message and one commit.
        this.scheduled = true;
        setImmediate(this.sendScheduled);
      }
    });
  }

  /** Waits for every row handed over so far, then ends the thread. */
  close(): Promise<void> {
    this.closing ??= this.finish();
    return this.closing;
  }

  private async finish(): Promise<void> {
    if (this.inFlight.size > 0 || this.rows.length > 0) await new Promise<void>((resolve) => (this.idle = resolve));
    const worker = this.worker;
    this.worker = undefined;
    if (worker === undefined) return;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    worker.ref();
    worker.postMessage("close");
    await exited;
  }

  private readonly sendScheduled = (): void => {
    this.scheduled = false;
    this.send();
  };

  private spawn(): Worker {
    const worker = new Worker(new URL("./intake-writer-thread.js", import.meta.url), {
      workerData: { file: this.file },
      // None of the parent's options: the thread runs built JS, and some options (`--input-type`,
      // `--trace-gc`) make a worker fail to start, inherited or given.
      execArgv: [],
    });
    worker.on("message", (answer: WriterAnswer) => this.settle(answer));
    // A thread that fails or exits fails what it held; the next write starts a new one.
    worker.on("error", (error) => this.lost(worker, error));
    worker.on("exit", (code) => this.lost(worker, new IntakeWriterError(`the writer thread exited with code ${code}`)));
    worker.unref();
    return worker;
  }

  /** Hands the waiting rows to the thread, if a batch may go out now. */
  private send(): void {
    if (this.rows.length === 0) {
      if (this.inFlight.size === 0) {
        this.worker?.unref();
        this.idle?.();
      }
      return;
    }
    if (this.inFlight.size >= MAX_IN_FLIGHT) return;
    this.worker ??= this.spawn();
    const take = Math.min(this.rows.length, MAX_ROWS_PER_BATCH);
    const all = take === this.rows.length;
    const rows = all ? this.rows : this.rows.slice(0, take);
    const waiters = all ? this.waiters : this.waiters.slice(0, take);
    this.rows = all ? [] : this.rows.slice(take);
    this.waiters = all ? [] : this.waiters.slice(take);
    const batch: WriterBatch = { seq: ++this.seq, rows };
    this.inFlight.set(batch.seq, waiters);
    // Held only while a batch is out: an idle writer does not keep the process alive.
    this.worker.ref();
    this.worker.postMessage(batch);
  }

  private settle(answer: WriterAnswer): void {
    const waiters = this.inFlight.get(answer.seq);
    if (waiters === undefined) return;
    this.inFlight.delete(answer.seq);
    // The next batch leaves before these answers are sent, so the thread is never idle while rows wait.
    this.send();
    if (answer.error === undefined) for (const w of waiters) w.resolve();
    else {
      const error = new IntakeWriterError(answer.error);
      for (const w of waiters) w.reject(error);
    }
  }

  private lost(worker: Worker, error: unknown): void {
    if (this.worker === worker) this.worker = undefined;
    const lost = [...this.inFlight.values()];
    this.inFlight.clear();
    for (const waiters of lost) for (const w of waiters) w.reject(error);
    if (this.closing !== undefined) {
      // Nothing new arrives while closing: fail what still waits, so close() can finish.
      for (const w of this.waiters) w.reject(error);
      this.rows = [];
      this.waiters = [];
      this.idle?.();
    } else if (lost.length > 0) {
      this.send();
    }
  }
}

// Commits accepted requests on a worker thread, so the event loop parses and answers the next
// requests while SQLite writes the last ones. One batch is in flight at a time: whatever
// arrives meanwhile waits and goes in the next transaction (group commit without a timer).
import { Worker } from "node:worker_threads";
import type { IntakeRow } from "./intake-rows.js";
import type { WriterAnswer, WriterBatch } from "./intake-writer-thread.js";

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** More rows than this in one message wait for the next one, so no transaction grows without bound. */
const MAX_ROWS_PER_BATCH = 1024;

export class IntakeWriterError extends Error {
  override readonly name = "IntakeWriterError";
}

export class IntakeWriter {
  private worker: Worker | undefined;
  private rows: IntakeRow[] = [];
  private waiters: Waiter[] = [];
  private inFlight: { seq: number; waiters: Waiter[] } | undefined;
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
      if (this.inFlight === undefined && !this.scheduled) {
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
    if (this.inFlight !== undefined || this.rows.length > 0) await new Promise<void>((resolve) => (this.idle = resolve));
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
    if (this.inFlight === undefined) this.send();
  };

  private spawn(): Worker {
    const worker = new Worker(new URL("./intake-writer-thread.js", import.meta.url), {
      workerData: { file: this.file },
      // The thread's entry is a file: a parent started with `--input-type -e …` would make it fail.
      execArgv: process.execArgv.filter((arg) => !arg.startsWith("--input-type")),
    });
    worker.on("message", (answer: WriterAnswer) => this.settle(answer));
    // A thread that fails or exits fails what it held; the next write starts a new one.
    worker.on("error", (error) => this.lost(worker, error));
    worker.on("exit", (code) => this.lost(worker, new IntakeWriterError(`the writer thread exited with code ${code}`)));
    worker.unref();
    return worker;
  }

  private send(): void {
    if (this.rows.length === 0) {
      this.worker?.unref();
      this.idle?.();
      return;
    }
    this.worker ??= this.spawn();
    const take = Math.min(this.rows.length, MAX_ROWS_PER_BATCH);
    const rows = take === this.rows.length ? this.rows : this.rows.slice(0, take);
    const waiters = take === this.waiters.length ? this.waiters : this.waiters.slice(0, take);
    this.rows = take === this.rows.length ? [] : this.rows.slice(take);
    this.waiters = take === this.waiters.length ? [] : this.waiters.slice(take);
    const batch: WriterBatch = { seq: ++this.seq, rows };
    this.inFlight = { seq: batch.seq, waiters };
    // Held only while a batch is out: an idle writer does not keep the process alive.
    this.worker.ref();
    this.worker.postMessage(batch);
  }

  private settle(answer: WriterAnswer): void {
    const flight = this.inFlight;
    if (flight === undefined || flight.seq !== answer.seq) return;
    this.inFlight = undefined;
    // The next batch leaves before these answers are sent, so the thread is never idle while rows wait.
    this.send();
    if (answer.error === undefined) for (const w of flight.waiters) w.resolve();
    else {
      const error = new IntakeWriterError(answer.error);
      for (const w of flight.waiters) w.reject(error);
    }
  }

  private lost(worker: Worker, error: unknown): void {
    if (this.worker === worker) this.worker = undefined;
    const flight = this.inFlight;
    this.inFlight = undefined;
    if (flight !== undefined) for (const w of flight.waiters) w.reject(error);
    if (this.closing !== undefined) {
      // Nothing new arrives while closing: fail what still waits, so close() can finish.
      for (const w of this.waiters) w.reject(error);
      this.rows = [];
      this.waiters = [];
      this.idle?.();
    } else if (flight !== undefined) {
      this.send();
    }
  }
}

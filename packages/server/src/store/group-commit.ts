// Group commit: the rows added in one turn of the event loop go to the database in one
// transaction, and each caller's promise settles only once that transaction has. The same
// queue serves both ways of committing: on the event loop and on the writer thread.
import type { IntakeRow } from "./intake-rows.js";

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export interface GroupCommitLimits {
  /** Rows in one transaction at most; this many waiting are sent at once rather than on the next turn. */
  readonly maxRows: number;
  /** Transactions handed over and not yet settled, at most. */
  readonly maxInFlight: number;
}

export class GroupCommit {
  private rows: IntakeRow[] = [];
  private waiters: Waiter[] = [];
  private inFlight = 0;
  private scheduled = false;
  private drained: (() => void)[] = [];

  /** `commit` writes the rows in one transaction, or throws (rejects) and writes none. */
  constructor(
    private readonly commit: (rows: readonly IntakeRow[]) => void | Promise<void>,
    private readonly limits: GroupCommitLimits,
  ) {}

  add(row: IntakeRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.rows.push(row);
      this.waiters.push({ resolve, reject });
      if (this.rows.length >= this.limits.maxRows) {
        this.send();
      } else if (!this.scheduled) {
        // setImmediate lets the requests read in this turn of the event loop join the same transaction.
        this.scheduled = true;
        setImmediate(this.sendScheduled);
      }
    });
  }

  /** Sends what waits now; resolves once every row added so far has been committed or refused. */
  drain(): Promise<void> {
    this.send();
    if (this.rows.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private readonly sendScheduled = (): void => {
    this.scheduled = false;
    this.send();
  };

  private send(): void {
    while (this.rows.length > 0 && this.inFlight < this.limits.maxInFlight) {
      const take = Math.min(this.rows.length, this.limits.maxRows);
      const rows = this.rows.splice(0, take);
      const waiters = this.waiters.splice(0, take);
      this.inFlight++;
      let done: Promise<void>;
      try {
        done = Promise.resolve(this.commit(rows));
      } catch (error) {
        done = Promise.reject(error);
      }
      done.then(
        () => this.settle(waiters, undefined),
        (error: unknown) => this.settle(waiters, { error }),
      );
    }
  }

  private settle(waiters: readonly Waiter[], failed: { error: unknown } | undefined): void {
    this.inFlight--;
    // The next batch leaves before these answers are sent, so a free slot is never left idle while rows wait.
    this.send();
    for (const w of waiters) {
      if (failed === undefined) w.resolve();
      else w.reject(failed.error);
    }
    if (this.rows.length === 0 && this.inFlight === 0 && this.drained.length > 0) {
      const drained = this.drained;
      this.drained = [];
      for (const resolve of drained) resolve();
    }
  }
}

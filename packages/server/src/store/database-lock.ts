// One server per database file: a second one would release the steps the first has claimed
// and run them again (calling someone twice). The lock is a file beside the database naming
// the owner's pid; a lock whose process is gone (a crash, kill -9) is taken over at once.
import { linkSync, mkdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export class DatabaseLockedError extends Error {
  override readonly name = "DatabaseLockedError";
}

/** How many times a stale lock is taken over before giving up (another starter may race for it). */
const TAKEOVER_ATTEMPTS = 3;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function ownerOf(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock of `databaseFile` for this process and returns its release; throws
 * DatabaseLockedError when a live process holds it.
 */
export function lockDatabase(databaseFile: string): () => void {
  const lockFile = `${databaseFile}.lock`;
  const draft = `${lockFile}.${process.pid}`;
  // The lock comes before the store, which would create the folder.
  mkdirSync(dirname(databaseFile), { recursive: true });
  writeFileSync(draft, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < TAKEOVER_ATTEMPTS; attempt++) {
      try {
        // link() fails when the name exists: of two starters, one gets the lock.
        linkSync(draft, lockFile);
        return () => {
          if (ownerOf(lockFile) === process.pid) rmSync(lockFile, { force: true });
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const owner = ownerOf(lockFile);
      if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseLockedError(`${databaseFile} is in use by another server (process ${owner}; lock file ${lockFile})`);
      }
      // Its owner is gone: the lock is stale.
      rmSync(lockFile, { force: true });
    }
    throw new DatabaseLockedError(`${databaseFile}: could not take the lock file ${lockFile}`);
  } finally {
    unlinkSync(draft);
  }
}

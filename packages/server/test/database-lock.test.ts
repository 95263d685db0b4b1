// The database lock file: who holds it decides whether a server may open the database.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseLockedError, lockDatabase } from "../src/store/database-lock.js";

const fresh = () => join(mkdtempSync(join(tmpdir(), "wc-lock-")), "sub", "wc.db");

describe("lockDatabase", () => {
  it("writes this process's pid beside the database, creating the folder, and removes it on release", () => {
    const db = fresh();
    const release = lockDatabase(db);
    expect(readFileSync(`${db}.lock`, "utf8")).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(`${db}.lock`)).toBe(false);
  });

  it("refuses while a live process holds it (here: this process's parent)", () => {
    const db = fresh();
    lockDatabase(db)();
    writeFileSync(`${db}.lock`, `${process.ppid}\n`);
    expect(() => lockDatabase(db)).toThrow(DatabaseLockedError);
    expect(() => lockDatabase(db)).toThrow(`process ${process.ppid}`);
    expect(readFileSync(`${db}.lock`, "utf8")).toBe(`${process.ppid}\n`);
  });

  it.each([
    { name: "a process that is gone", content: "2147483646\n" },
    { name: "no pid at all", content: "garbage" },
    { name: "an empty file", content: "" },
  ])("takes over a lock naming $name", ({ content }) => {
    const db = fresh();
    lockDatabase(db)();
    writeFileSync(`${db}.lock`, content);
    const release = lockDatabase(db);
    expect(readFileSync(`${db}.lock`, "utf8")).toBe(`${process.pid}\n`);
    release();
  });

  it("a release does not remove a lock someone else has taken since", () => {
    const db = fresh();
    const release = lockDatabase(db);
    writeFileSync(`${db}.lock`, `${process.ppid}\n`);
    release();
    expect(readFileSync(`${db}.lock`, "utf8")).toBe(`${process.ppid}\n`);
  });
});

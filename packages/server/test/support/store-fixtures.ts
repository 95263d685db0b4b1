// Requests as the store keeps them, and throw-away database files, for the store's tests.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CallbackRequest } from "@webcallback/core";
import { afterAll } from "vitest";
import type { NewInteraction } from "../../src/store/store.js";

export const REQUEST: CallbackRequest = {
  tenant: "Acme",
  phone: "16505551212",
  callerId: { kind: "channel", number: "18006664444" },
  back: undefined,
  dialplanId: undefined,
  userData: [{ name: "foreign_key", value: "1234456677" }],
  systemData: [],
  callbackUrl: undefined,
  extTransactionData: [],
  callbackType: 1,
  channelNumber: "18006661212",
  delaySeconds: 300,
};

/** The n-th accepted type-1 request: its guid ends in n, due 300 s after it was accepted. */
export function interaction(n: number, tenant = "Acme"): NewInteraction {
  const acceptedAt = 1_790_000_000_000 + n;
  return {
    interactionGuid: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    tenant,
    callbackType: 1,
    phone: REQUEST.phone,
    request: { ...REQUEST, tenant },
    acceptedAt,
    dueAt: acceptedAt + 300_000,
    expiresAt: null,
  };
}

/** A path for a database file in a new temporary directory (under `sub/` when given), removed after the file's tests. */
export function tempDatabases(prefix: string): (sub?: string) => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  return async (sub) => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    dirs.push(dir);
    return sub === undefined ? join(dir, "wc.db") : join(dir, sub, "wc.db");
  };
}

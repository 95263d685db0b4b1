// Reads the accepted requests out of a server's SQLite file through the package's public
// read-only store, so tests and benchmarks never reach into the server's internals.
import { formatUserData } from "@webcallback/core";
import { SqliteStore } from "@webcallback/server";

export interface StoredRequest {
  readonly guid: string;
  readonly phone: string;
  /** The stored ctl_userdata pairs written back as `[name|value]…`, "" when there were none. */
  readonly userdata: string;
}

/** Every stored interaction, oldest first; safe while a server is writing the same file (WAL). */
export async function readStoredRequests(file: string): Promise<StoredRequest[]> {
  const store = new SqliteStore(file, { readOnly: true });
  try {
    const count = await store.countInteractions();
    // One page large enough for all of them, so none is left out by the default limit.
    const all = await store.listInteractions({ limit: count + 1 });
    return all.map((interaction) => ({
      guid: interaction.interactionGuid,
      phone: interaction.phone,
      userdata: formatUserData(interaction.request.userData),
    }));
  } finally {
    await store.close();
  }
}

export async function countStoredRequests(file: string): Promise<number> {
  const store = new SqliteStore(file, { readOnly: true });
  try {
    return await store.countInteractions();
  } finally {
    await store.close();
  }
}

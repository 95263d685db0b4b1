// @ts-nocheck
// Where accepted requests are kept. The HTTP layer only sees this interface, so a second
// engine (PostgreSQL) can be added beside the SQLite one without touching the rest.
import type { CallbackRequest } from "@webcallback/core";

/** The states an interaction goes through; intake only writes the first. */
export type InteractionState = "pending" | "calling" | "queued" | "done";

export interface NewInteraction {
  readonly interactionGuid: string;
  readonly tenant: string;
  readonly callbackType: 1 | 2;
  /** Digits, as the validator normalized them. */
  readonly phone: string;
  readonly request: CallbackRequest;
  /** Milliseconds since the epoch on the server clock. */
  readonly acceptedAt: number;
  /** Type 1: when the call is placed (acceptedAt + delay); null for type 2. */
  readonly dueAt: number | null;
  /** Type 2: when the request leaves its queue unanswered; null for none. */
  readonly expiresAt: number | null;
}

export interface StoredInteraction extends NewInteraction {
  readonly state: InteractionState;
}

export interface ListOptions {
  readonly tenant?: string;
  /** At most this many, oldest first (default 1000). */
  readonly limit?: number;
}

export interface Store {
  /** `sqlite`, later `postgres`: for logs and /metrics. */
  readonly engine: string;
  /** Resolves only once the interaction is committed durably; rejects when it could not be. */
  addInteraction(interaction: NewInteraction): Promise<void>;
  countInteractions(): Promise<number>;
  listInteractions(options?: ListOptions): Promise<StoredInteraction[]>;
  /** A small write and a read; rejects while the store cannot serve intake. */
  probe(): Promise<void>;
  /** Waits for commits under way, then releases the store. Later writes reject. */
  close(): Promise<void>;
}

// The transport's limits and their defaults, in one place: the server reads them, and the
// CLI builds its help text from them (this module loads nothing heavy).
import { readFileSync } from "node:fs";

/**
 * Connections kept open at most, when the file-descriptor limit does not call for fewer.
 * @default 10_000
 */
export const DEFAULT_MAX_CONNECTIONS = 10_000;

/** File descriptors left for the store, logs and outgoing calls when the cap follows the fd limit. */
const RESERVED_FDS = 128;

/**
 * The cap for this process: DEFAULT_MAX_CONNECTIONS, or fewer when the soft limit on open
 * files (Linux: /proc/self/limits) would run out first.
 */
export function defaultMaxConnections(limitsText = readLimits()): number {
  const match = /^Max open files\s+(\d+)/m.exec(limitsText ?? "");
  if (match === null) return DEFAULT_MAX_CONNECTIONS;
  return Math.max(16, Math.min(DEFAULT_MAX_CONNECTIONS, Number(match[1]) - RESERVED_FDS));
}

function readLimits(): string | undefined {
  try {
    return readFileSync("/proc/self/limits", "utf8");
  } catch {
    return undefined;
  }
}

export interface TransportLimits {
  /**
   * A request's headers must arrive within this many ms of the connection or the last answer.
   * @default 10_000
   */
  readonly headersTimeoutMs: number;
  /**
   * The whole request (headers and body) must arrive within this many ms.
   * @default 30_000
   */
  readonly requestTimeoutMs: number;
  /**
   * An idle keep-alive connection is closed after this many ms.
   * @default 5_000
   */
  readonly keepAliveTimeoutMs: number;
  /**
   * Open connections at most (see http/connections.ts).
   * @default defaultMaxConnections(): DEFAULT_MAX_CONNECTIONS, or fewer under a low limit on open files
   */
  readonly maxConnections: number;
}

export const DEFAULT_TRANSPORT_LIMITS: Omit<TransportLimits, "maxConnections"> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

// Tokens are kept as `sha256:<hex>` so a leaked configuration file does not leak them.
import { hash } from "node:crypto";

export const TOKEN_HASH_PREFIX = "sha256:";

/** What a stored token looks like: the prefix and 64 lower-case hex digits. */
export const TOKEN_HASH_PATTERN = "^sha256:[0-9a-f]{64}$";

const TOKEN_HASH_RE = new RegExp(TOKEN_HASH_PATTERN);

/** The raw 32-byte digest of a token, as compared at intake. */
export function tokenDigest(token: string): Buffer {
  // The one-shot form: no Hash object per request.
  return hash("sha256", token, "buffer");
}

/** The text to paste into a configuration file for a token. */
export function hashToken(token: string): string {
  return `${TOKEN_HASH_PREFIX}${tokenDigest(token).toString("hex")}`;
}

export function isTokenHash(text: string): boolean {
  return TOKEN_HASH_RE.test(text);
}

/** The digest inside a `sha256:<hex>` text; throws on anything else. */
export function parseTokenHash(text: string): Buffer {
  if (!isTokenHash(text)) throw new RangeError("a token hash is sha256: followed by 64 lower-case hex digits");
  return Buffer.from(text.slice(TOKEN_HASH_PREFIX.length), "hex");
}

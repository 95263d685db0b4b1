// The result POST's signature: `Webcallback-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256
// of "t.body">`. signBody for the sender; verifySignature for partners (and the CLI).
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "webcallback-signature";
/** @default 300 — how far a signature's time may be from now when verified, in seconds. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

/** The header value for `body` signed at `timestampSeconds`. */
export function signBody(secret: string, timestampSeconds: number, body: string): string {
  return `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, body)}`;
}

export interface VerifyOptions {
  readonly secret: string;
  /** The Webcallback-Signature header as received. */
  readonly header: string;
  /** The raw request body, exactly as received. */
  readonly body: string;
  /** Unix seconds to compare `t` with (default: now); the server's clock if it is simulated. */
  readonly nowSeconds?: number;
  /** Default 300 s; Infinity to skip the time check. */
  readonly toleranceSeconds?: number;
}

export type VerifyResult = { readonly ok: true; readonly timestamp: number } | { readonly ok: false; readonly reason: string };

/** Checks a signature: its form, its time against the tolerance, and any v1 value in constant time. */
export function verifySignature(options: VerifyOptions): VerifyResult {
  let timestamp: number | undefined;
  const signatures: string[] = [];
  for (const part of options.header.split(",")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t" && /^[0-9]{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  if (timestamp === undefined) return { ok: false, reason: "the header has no t=<unix seconds>" };
  if (signatures.length === 0) return { ok: false, reason: "the header has no v1=<64 hex digits>" };
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (Math.abs(now - timestamp) > tolerance) return { ok: false, reason: `t=${timestamp} is more than ${tolerance} s from now (${now})` };
  const expected = Buffer.from(hmacHex(options.secret, timestamp, options.body), "hex");
  let match = false;
  for (const signature of signatures) match = timingSafeEqual(expected, Buffer.from(signature, "hex")) || match;
  return match ? { ok: true, timestamp } : { ok: false, reason: "no v1 signature matches this body and secret" };
}

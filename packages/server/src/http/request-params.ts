// The request's parameters: the query string and a url-encoded form merged (the body
// wins on a clash, the first of repeated names wins), read with a hard size limit.
import type { IncomingMessage } from "node:http";
import { unescape as unescapeLeniently } from "node:querystring";
import { PARAMETERS, type RequestParams } from "@webcallback/core";

/** Bodies over this many bytes are refused with 413 (ctl_error 107); the document sets it. */
export { BODY_LIMIT_BYTES } from "@webcallback/core";

/**
 * Only the API's own names are kept: unknown parameters are ignored anyway. The map gives
 * back the name as the module holds it, so the property access below reuses one interned key.
 */
const KNOWN = new Map<string, string>(PARAMETERS.map((p) => [p.name, p.name]));

/**
 * A raw name longer than this cannot be one of the API's names, even with every character
 * percent-encoded and some white space around it, so it is skipped unread.
 */
const MAX_RAW_NAME = 3 * (Math.max(...PARAMETERS.map((p) => p.name.length)) + 16);

/** Decoding and trimming only shorten a name: a shorter raw name is none of the API's. */
const MIN_RAW_NAME = Math.min(...PARAMETERS.map((p) => p.name.length));

/** Form decoding: `+` is a space, `%XX` a byte of UTF-8; a broken escape stays as written. */
export function decodeComponent(text: string): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: fast path: replacing in a text without + changes nothing (drops the killed `true`)
  const plain = text.indexOf("+") === -1 ? text : text.replace(/\+/g, " ");
  if (plain.indexOf("%") === -1) return plain;
  try {
    return decodeURIComponent(plain);
  } catch {
    return unescapeLeniently(plain);
  }
}

/** The value of a hex digit, or a negative number for any other character. */
function hexValue(code: number): number {
  // Stryker disable next-line ConditionalExpression: below "0" the result is negative, which marks a non-digit as -1 does (drops the killed ones beside it)
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/**
 * Names with bytes past ASCII are read as UTF-8 (so Unicode spaces trim) at most this many
 * times per parameter list; later ones are skipped, since no client of the API sends them.
 */
const MAX_UNICODE_NAMES = 16;
let unicodeNamesLeft = MAX_UNICODE_NAMES;

/**
 * The API name `raw` (a name as sent, escapes and all) stands for, or undefined. Never throws
 * and costs at most MAX_RAW_NAME steps: a name with a broken escape is no API name.
 */
function knownName(raw: string): string | undefined {
  const exact = KNOWN.get(raw);
  // Stryker disable next-line ConditionalExpression: fast path: a name sent as is decodes to itself below (drops the killed `true`)
  if (exact !== undefined) return exact;
  if (raw.length > MAX_RAW_NAME) return undefined;
  let decoded = "";
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code === 37) {
      const byte = (hexValue(raw.charCodeAt(i + 1)) << 4) | hexValue(raw.charCodeAt(i + 2));
      if (byte < 0) return undefined;
      if (byte >= 0x80) return unicodeName(raw);
      decoded += String.fromCharCode(byte);
      i += 2;
    } else if (code >= 0x80) {
      return unicodeName(raw);
    } else {
      decoded += code === 43 ? " " : raw[i];
    }
  }
  return KNOWN.get(decoded.trim());
}

function unicodeName(raw: string): string | undefined {
  if (unicodeNamesLeft <= 0) return undefined;
  unicodeNamesLeft--;
  return KNOWN.get(decodeComponent(raw).trim());
}

/**
 * Adds the known parameters of `text` (a query string or a form body, without `?`) to
 * `into`, keeping a name's value when `into` already has one. One pass over the text: each
 * `&` and `=` is searched for once, and only the values of kept names are decoded.
 */
export function addParams(into: Record<string, string>, text: string): void {
  let start = 0;
  const end = text.length;
  unicodeNamesLeft = MAX_UNICODE_NAMES;
  // The next `=` at or after `start`, or -1 when there is none left.
  let eq = text.indexOf("=");
  // Stryker disable next-line EqualityOperator: at start === end the piece is empty and nothing is added
  while (start < end) {
    let amp = text.indexOf("&", start);
    if (amp === -1) amp = end;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: an empty piece is shorter than MIN_RAW_NAME and skipped below anyway
    if (amp > start) {
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: cache: a kept `eq` is already the first = at or after start
      if (eq !== -1 && eq < start) eq = text.indexOf("=", start);
      // Stryker disable next-line EqualityOperator: an = and an & are never at the same place
      const nameEnd = eq === -1 || eq > amp ? amp : eq;
      // Names are trimmed like values: a copied example URL breaks its lines right after `&`.
      const name = nameEnd - start < MIN_RAW_NAME ? undefined : knownName(text.slice(start, nameEnd));
      if (name !== undefined && into[name] === undefined) {
        // Stryker disable next-line ConditionalExpression: fast path: without = the slice past amp is "" and decodes to ""
        into[name] = nameEnd === amp ? "" : decodeComponent(text.slice(nameEnd + 1, amp));
      }
    }
    start = amp + 1;
  }
}

/** A fresh holder; only the API's own names are ever written to it, so none can reach Object.prototype. */
export function emptyParams(): Record<string, string> {
  return {};
}

/** The parameters of a GET: the query string (without `?`). */
export function queryParams(query: string): RequestParams {
  const params = emptyParams();
  addParams(params, query);
  return params;
}

/** The parameters of a form POST: the body first, so it wins over the query. */
export function formParams(body: string, query: string): RequestParams {
  const params = emptyParams();
  addParams(params, body);
  addParams(params, query);
  return params;
}

export type BodyResult =
  | { readonly kind: "ok"; readonly text: string }
  /** Over the limit; nothing past the limit was kept. */
  | { readonly kind: "too-large" }
  /** The client went away or the stream failed; nobody is left to answer. */
  | { readonly kind: "aborted" };

/**
 * Past the limit, this much more is read and thrown away so a client still uploading can
 * finish and read the 413 (closing on unread data resets the connection). Beyond it the
 * connection is simply closed after the answer.
 */
export const DISCARD_BYTES = 1024 * 1024;

const TOO_LARGE: BodyResult = { kind: "too-large" };
const ABORTED: BodyResult = { kind: "aborted" };
const EMPTY: BodyResult = { kind: "ok", text: "" };

/**
 * Reads a request body of at most `limit` bytes. A body over the limit is not kept: it is
 * discarded up to DISCARD_BYTES more, or not read at all when its declared length says it
 * is bigger than that. With `keep` false the bytes are only counted (the body will be
 * refused anyway).
 */
export function readBody(req: IncomingMessage, limit: number, keep: boolean): Promise<BodyResult> {
  const declared = req.headers["content-length"];
  // Without the header Number() is NaN, over no limit.
  if (Number(declared) > limit + DISCARD_BYTES) return Promise.resolve(TOO_LARGE);
  if (declared === "0") return Promise.resolve(EMPTY);
  // The promise answers once: whatever comes after the first answer (more data, the end, an error) changes nothing.
  return new Promise<BodyResult>((resolve) => {
    // A form usually arrives in one chunk; more are gathered only when they come.
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit + DISCARD_BYTES) {
        req.pause();
        resolve(TOO_LARGE);
        return;
      }
      // Stryker disable next-line ConditionalExpression,LogicalOperator: keeping costs memory only: past the limit or with keep false the end answers too-large or empty whatever was kept
      if (keep && size <= limit) {
        if (first === undefined) first = chunk;
        else if (more === undefined) more = [first, chunk];
        else more.push(chunk);
      }
    });
    req.on("end", () => {
      if (size > limit) resolve(TOO_LARGE);
      else if (!keep || first === undefined) resolve(EMPTY);
      else resolve({ kind: "ok", text: (more === undefined ? first : Buffer.concat(more, size)).toString("utf8") });
    });
    // An aborted request ends in an error; its listener also keeps the error from being thrown.
    req.on("error", () => resolve(ABORTED));
  });
}

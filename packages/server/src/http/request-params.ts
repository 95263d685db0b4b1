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

/** Form decoding: `+` is a space, `%XX` a byte of UTF-8; a broken escape stays as written. */
export function decodeComponent(text: string): string {
  const plain = text.indexOf("+") === -1 ? text : text.replace(/\+/g, " ");
  if (plain.indexOf("%") === -1) return plain;
  try {
    return decodeURIComponent(plain);
  } catch {
    return unescapeLeniently(plain);
  }
}

/**
 * Adds the known parameters of `text` (a query string or a form body, without `?`) to
 * `into`, keeping a name's value when `into` already has one.
 */
export function addParams(into: Record<string, string>, text: string): void {
  let start = 0;
  const end = text.length;
  while (start < end) {
    let amp = text.indexOf("&", start);
    if (amp === -1) amp = end;
    if (amp > start) {
      const eq = text.indexOf("=", start);
      const nameEnd = eq === -1 || eq > amp ? amp : eq;
      const raw = text.slice(start, nameEnd);
      // Names are trimmed like values: a copied example URL breaks its lines right after `&`.
      const name = KNOWN.get(raw) ?? KNOWN.get(decodeComponent(raw).trim());
      if (name !== undefined && into[name] === undefined) {
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

/** Charsets a body is read in: UTF-8 and its ASCII subset. */
const READABLE_CHARSETS: ReadonlySet<string> = new Set(["utf-8", "utf8", "us-ascii"]);

/** `application/x-www-form-urlencoded`, any case, with no charset or one we read as UTF-8. */
export function isFormContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type = "", ...parameters] = header.split(";");
  if (type.trim().toLowerCase() !== "application/x-www-form-urlencoded") return false;
  for (const parameter of parameters) {
    const eq = parameter.indexOf("=");
    if (eq === -1 || parameter.slice(0, eq).trim().toLowerCase() !== "charset") continue;
    const charset = parameter
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .toLowerCase();
    if (!READABLE_CHARSETS.has(charset)) return false;
  }
  return true;
}

/** A body sent compressed (or otherwise encoded) is not a form we can read. */
export function isPlainBody(contentEncoding: string | undefined): boolean {
  return contentEncoding === undefined || contentEncoding.trim().toLowerCase() === "identity";
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
  if (declared !== undefined && Number(declared) > limit + DISCARD_BYTES) return Promise.resolve(TOO_LARGE);
  if (declared === "0") return Promise.resolve(EMPTY);
  return new Promise<BodyResult>((resolve) => {
    // A form usually arrives in one chunk; more are gathered only when they come.
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let size = 0;
    let settled = false;
    req.on("data", (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit + DISCARD_BYTES) {
        settled = true;
        req.pause();
        resolve(TOO_LARGE);
      } else if (keep && size <= limit) {
        if (first === undefined) first = chunk;
        else if (more === undefined) more = [first, chunk];
        else more.push(chunk);
      }
    });
    req.on("end", () => {
      if (settled) return;
      settled = true;
      if (size > limit) resolve(TOO_LARGE);
      else if (!keep || first === undefined) resolve(EMPTY);
      else resolve({ kind: "ok", text: (more === undefined ? first : Buffer.concat(more, size)).toString("utf8") });
    });
    // An aborted request ends in an error; its listener also keeps the error from being thrown.
    req.on("error", () => {
      if (settled) return;
      settled = true;
      resolve(ABORTED);
    });
  });
}

// Which POST bodies the service reads as its form (CONTRACT.md §1): the server and the mock
// both ask here, so they refuse the same bodies with 415.
import { READABLE_CHARSETS } from "./generated/rules.js";

/** Charsets a body is read in (the document's x-readable-charsets): UTF-8 and its ASCII subset. */
const READABLE: ReadonlySet<string> = new Set(READABLE_CHARSETS);

const FORM_TYPE = "application/x-www-form-urlencoded";

/** `application/x-www-form-urlencoded`, any case, with no charset or one we read as UTF-8. */
export function isFormContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  // What browsers and the seed's clients send: no need to split it.
  // Stryker disable next-line ConditionalExpression,BlockStatement: fast path: the exact type passes the full check below too
  if (header === FORM_TYPE) return true;
  // Stryker disable next-line StringLiteral: split gives at least one piece, so the default is never used
  const [type = "", ...parameters] = header.split(";");
  if (type.trim().toLowerCase() !== FORM_TYPE) return false;
  for (const parameter of parameters) {
    const eq = parameter.indexOf("=");
    if (eq === -1 || parameter.slice(0, eq).trim().toLowerCase() !== "charset") continue;
    const charset = parameter
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, "$1")
      .toLowerCase();
    if (!READABLE.has(charset)) return false;
  }
  return true;
}

/** A body sent compressed (or otherwise encoded) is not a form we can read. */
export function isPlainBody(contentEncoding: string | undefined): boolean {
  return contentEncoding === undefined || contentEncoding.trim().toLowerCase() === "identity";
}

/** Whether a POST's body is read as the form: a url-encoded type in a charset we read, not compressed. */
export function isReadableForm(contentType: string | undefined, contentEncoding: string | undefined): boolean {
  return isFormContentType(contentType) && isPlainBody(contentEncoding);
}

/**
 * Whether the service refuses a POST for its body (415, ctl_error 108): a body it cannot read
 * as a form. A POST without a Content-Type passes only when its body is empty (its parameters
 * are then all in the query).
 */
export function refusesPostBody(contentType: string | undefined, contentEncoding: string | undefined, body: string): boolean {
  return !isReadableForm(contentType, contentEncoding) && (contentType !== undefined || body !== "");
}

// How a validation becomes an HTTP answer (CONTRACT.md section 2): a 302 to back, or JSON.
import type { components } from "./generated/openapi.js";
import { withCtlError, withInteractionGuid } from "./urls.js";
import type { CtlErrorResult } from "./validate.js";

export type AcceptedBody = components["schemas"]["Accepted"];
export type ErrorBody = components["schemas"]["Error"];

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text, or undefined for a redirect. */
  readonly body: string | undefined;
}

const NO_STORE = "no-store";

function json(status: number, body: unknown, extra?: Record<string, string>): Answer {
  return {
    status,
    headers: { "cache-control": NO_STORE, "content-type": "application/json; charset=utf-8", ...extra },
    body: JSON.stringify(body),
  };
}

/** 405 for a method `allow` does not list: the service's own answer, not an API error (no ctl_error). */
export function methodNotAllowed(allow: string): Answer {
  return json(405, { error: "method not allowed" }, { allow });
}

/** Anything a header cannot carry as is: space, and every character past ASCII. */
const NOT_HEADER_SAFE = /[^\x21-\x7e]+/g;
/** A surrogate without its pair, which encodeURIComponent refuses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function encodeRun(run: string): string {
  return encodeURIComponent(run.replace(LONE_SURROGATE, "\uFFFD"));
}

/**
 * A Location header is ASCII: a back URL that arrived percent-encoded and was decoded with the
 * other parameters gets its spaces and non-ASCII characters encoded again (UTF-8), the rest as is.
 */
export function headerSafeUrl(url: string): string {
  return url.replace(NOT_HEADER_SAFE, encodeRun);
}

function redirectTo(location: string, extra?: Record<string, string>): Answer {
  return { status: 302, headers: { "cache-control": NO_STORE, location: headerSafeUrl(location), ...extra }, body: undefined };
}

/** The answer to a rejected request; `redirect` is the allowed back URL, if any. */
export function errorAnswer(error: CtlErrorResult, redirect: string | undefined): Answer {
  const extra = error.retryAfterSeconds === undefined ? undefined : { "retry-after": String(error.retryAfterSeconds) };
  if (redirect !== undefined) return redirectTo(withCtlError(redirect, error.ctlError), extra);
  const body: ErrorBody = { ctl_error: error.ctlError, message: error.message };
  // Stryker disable next-line ConditionalExpression: JSON.stringify drops a detail that is undefined
  if (error.detail !== undefined) body.detail = error.detail;
  return json(error.httpStatus, body, extra);
}

/**
 * The answer to an accepted (and committed) request. `guidInBack` is the tenant's redirectWithGuid:
 * the redirect then carries the interaction guid for the result page to show.
 */
export function acceptedAnswer(body: AcceptedBody, redirect: string | undefined, guidInBack = false): Answer {
  if (redirect === undefined) return json(202, body);
  return redirectTo(guidInBack ? withInteractionGuid(redirect, body.interaction_guid) : redirect);
}

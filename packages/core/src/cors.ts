// CORS for a tenant's site (the document's "CORS" section): an Origin that any tenant lists in
// allowedBackOrigins (matched as back URLs are, `:*` for any port) may call the endpoint with
// fetch. Pure, so the server and the mock answer browsers alike.
import { isAllowedBack, ORIGIN_SHAPE } from "./urls.js";

/** What a browser may send and read: the client sends Content-Type on a POST and X-Request-Id when asked. */
export const CORS_ALLOW_METHODS = "GET, POST";
export const CORS_ALLOW_HEADERS = "Content-Type, X-Request-Id";
export const CORS_EXPOSE_HEADERS = "Retry-After, X-Request-Id";
/** @default "600" (seconds a browser may keep a preflight's answer) */
export const CORS_MAX_AGE_SECONDS = "600";

/** The Allow header of the endpoint's answers to OPTIONS and to a method it does not take. */
export const ENDPOINT_ALLOW = "GET, POST, OPTIONS";

/** The headers of a preflight's answer for an allowed origin. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-methods": CORS_ALLOW_METHODS,
  "access-control-allow-headers": CORS_ALLOW_HEADERS,
  "access-control-max-age": CORS_MAX_AGE_SECONDS,
};

/** Distinct origins seen are few (one per tenant site); past this many the memo starts over. */
export const CORS_MEMO_LIMIT = 1024;
/** Scheme, a host name of at most 253 characters and a port: a longer Origin is none, and not memoized. */
const MAX_ORIGIN_LENGTH = 300;

/** Which origins may call the endpoint from a browser; a bounded memo keeps the check off the request path. */
export class CorsOrigins {
  private readonly memo = new Map<string, boolean>();

  constructor(private readonly origins: readonly string[]) {}

  allows(origin: string): boolean {
    if (origin.length > MAX_ORIGIN_LENGTH) return false;
    let allowed = this.memo.get(origin);
    if (allowed === undefined) {
      // An Origin header is scheme://host[:port] and nothing more; `null` and paths never match.
      allowed = ORIGIN_SHAPE.test(origin) && isAllowedBack(origin, this.origins);
      if (this.memo.size >= CORS_MEMO_LIMIT) this.memo.clear();
      this.memo.set(origin, allowed);
    }
    return allowed;
  }

  /** Origins remembered, at most CORS_MEMO_LIMIT. */
  get memoized(): number {
    return this.memo.size;
  }

  /** The CORS headers of an answer to a request from `origin` (none without an Origin). */
  headers(origin: string | undefined): Record<string, string> {
    if (origin === undefined) return {};
    if (!this.allows(origin)) return { vary: "Origin" };
    return { vary: "Origin", "access-control-allow-origin": origin, "access-control-expose-headers": CORS_EXPOSE_HEADERS };
  }
}

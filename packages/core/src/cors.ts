// CORS for a tenant's site (the document's "CORS" section): an Origin that any tenant lists in
// allowedBackOrigins (matched as back URLs are, `:*` for any port) may call the endpoint with
// fetch. Pure, so the server and the mock answer browsers alike.
import { CORS_ANSWER_HEADERS } from "./generated/headers.js";
import { isAllowedBack, ORIGIN_SHAPE } from "./urls.js";

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
    return { vary: "Origin", "access-control-allow-origin": origin, ...CORS_ANSWER_HEADERS };
  }
}

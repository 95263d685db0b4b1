// @ts-nocheck
// CORS for a tenant's site: an Origin that any tenant lists in allowedBackOrigins (the
// same matching as back URLs, `:*` for any port) may call the endpoint with fetch.
import type { ServerResponse } from "node:http";
import { isAllowedBack, ORIGIN_SHAPE } from "@webcallback/core";

/** What a browser may send and read; everything else the endpoint answers is a simple response. */
const ALLOW_METHODS = "GET, POST";
const ALLOW_HEADERS = "Content-Type";
const EXPOSE_HEADERS = "Retry-After, X-Request-Id";
const MAX_AGE_SECONDS = "600";

/** Distinct origins seen are few (one per tenant site); past this many the memo starts over. */
const MEMO_LIMIT = 1024;

export class CorsPolicy {
  private readonly memo = new Map<string, boolean>();

  constructor(private readonly origins: readonly string[]) {}

  allows(origin: string): boolean {
    let allowed = this.memo.get(origin);
    if (allowed === undefined) {
      // An Origin header is scheme://host[:port] and nothing more; `null` and paths never match.
      allowed = ORIGIN_SHAPE.test(origin) && isAllowedBack(origin, this.origins);
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(origin, allowed);
    }
    return allowed;
  }

  /** Adds the CORS headers an answer to `origin` carries; false when the origin is not allowed. */
  decorate(res: ServerResponse, origin: string | undefined): boolean {
    if (origin === undefined) return false;
    res.setHeader("vary", "Origin");
    if (!this.allows(origin)) return false;
    res.setHeader("access-control-allow-origin", origin);
    res.setHeader("access-control-expose-headers", EXPOSE_HEADERS);
    return true;
  }

  /** Headers of a preflight answer for an allowed origin. */
  decoratePreflight(res: ServerResponse): void {
    res.setHeader("access-control-allow-methods", ALLOW_METHODS);
    res.setHeader("access-control-allow-headers", ALLOW_HEADERS);
    res.setHeader("access-control-max-age", MAX_AGE_SECONDS);
  }
}

// CORS on node's response: core's origin check, its headers set one by one (no object per request).
import type { ServerResponse } from "node:http";
import { CORS_ANSWER_HEADERS, CorsOrigins, PREFLIGHT_HEADERS } from "@webcallback/core";

export class CorsPolicy extends CorsOrigins {
  /** Adds the CORS headers an answer to `origin` carries; false when the origin is not allowed. */
  decorate(res: ServerResponse, origin: string | undefined): boolean {
    if (origin === undefined) return false;
    res.setHeader("vary", "Origin");
    if (!this.allows(origin)) return false;
    res.setHeader("access-control-allow-origin", origin);
    for (const name in CORS_ANSWER_HEADERS) res.setHeader(name, CORS_ANSWER_HEADERS[name] as string);
    return true;
  }

  /** Headers of a preflight answer for an allowed origin. */
  decoratePreflight(res: ServerResponse): void {
    for (const name in PREFLIGHT_HEADERS) res.setHeader(name, PREFLIGHT_HEADERS[name] as string);
  }
}

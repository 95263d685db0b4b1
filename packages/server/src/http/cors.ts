// CORS on node's response: core's origin check and headers, set on the answer under way.
import type { ServerResponse } from "node:http";
import { CorsOrigins, PREFLIGHT_HEADERS } from "@webcallback/core";

export class CorsPolicy extends CorsOrigins {
  /** Adds the CORS headers an answer to `origin` carries; false when the origin is not allowed. */
  decorate(res: ServerResponse, origin: string | undefined): boolean {
    // Most requests carry no Origin: nothing to build for them.
    if (origin === undefined) return false;
    const headers = this.headers(origin);
    for (const name in headers) res.setHeader(name, headers[name] as string);
    return "access-control-allow-origin" in headers;
  }

  /** Headers of a preflight answer for an allowed origin. */
  decoratePreflight(res: ServerResponse): void {
    for (const name in PREFLIGHT_HEADERS) res.setHeader(name, PREFLIGHT_HEADERS[name] as string);
  }
}

// Cases for the headers the document fixes: the CORS headers (x-webcallback-cors) and the
// X-Request-Id echo (components.headers.RequestId). Each sends a refused request, so no case
// here leaves an interaction behind.
import { CORS_EXPOSE_HEADERS, ENDPOINT_ALLOW, PREFLIGHT_HEADERS } from "@webcallback/core";
import type { CaseContext, ConformanceCase } from "../case.js";
import { exchangeCase } from "../exchange.js";
import { expectError } from "../expect.js";
import { type Received, request } from "../http-client.js";
import { baseRequest } from "../requests.js";

/** An origin no demo tenant lists (CONTRACT §8); `.invalid` is never anyone's site. */
export const FOREIGN_ORIGIN = "http://foreign.invalid";

/** An X-Request-Id inside components.headers.RequestId.x-echo-pattern. */
export const SAFE_ID = "conformance-run.42:check/id=+@";

/** One outside it: a space is not among the pattern's characters. */
export const UNSAFE_ID = "two words";

const allowedOrigin = (context: CaseContext): string => new URL(context.loopbackBack).origin;

/** A request every demo tenant refuses the same way: the token is missing (ctl_error 3). */
const withoutToken = () => {
  const { token: _token, ...params } = baseRequest(1);
  return params;
};

function header(received: Received, name: string, want: string): string[] {
  const got = received.headers.get(name);
  return got === want ? [] : [`${name} must be ${JSON.stringify(want)}, got ${JSON.stringify(got)}`];
}

function varies(received: Received): string[] {
  const vary = received.headers.get("vary") ?? "";
  return /(^|,)\s*origin\s*(,|$)/i.test(vary) ? [] : [`Vary must name Origin, got ${JSON.stringify(vary)}`];
}

export function headerCases(): ConformanceCase[] {
  return [
    exchangeCase(
      "rule/cors/preflight",
      "x-webcallback-cors (sentOn: preflight); info.description, CORS: an allowed Origin's preflight is answered 204",
      (context) => ({
        method: "OPTIONS",
        query: "",
        headers: {
          origin: allowedOrigin(context),
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type",
        },
      }),
      (received, context) => {
        if (received.status !== 204) return [`expected 204 to a preflight, got HTTP ${received.status}`];
        return [
          ...header(received, "access-control-allow-origin", allowedOrigin(context)),
          ...Object.entries(PREFLIGHT_HEADERS).flatMap(([name, value]) => header(received, name, value)),
          ...header(received, "allow", ENDPOINT_ALLOW),
          ...varies(received),
        ];
      },
    ),
    exchangeCase(
      "rule/cors/allowed-origin",
      "x-webcallback-cors (every answer to an allowed Origin); info.description, CORS",
      (context) => request("POST", withoutToken(), { headers: { origin: allowedOrigin(context) } }),
      (received, context) => [
        ...expectError(received, 3, "json"),
        ...header(received, "access-control-allow-origin", allowedOrigin(context)),
        ...header(received, "access-control-expose-headers", CORS_EXPOSE_HEADERS),
        ...varies(received),
      ],
    ),
    exchangeCase(
      "rule/cors/foreign-origin",
      "info.description, CORS: an Origin no tenant lists gets no CORS headers",
      () => request("GET", withoutToken(), { headers: { origin: FOREIGN_ORIGIN } }),
      (received) => {
        const problems = expectError(received, 3, "json");
        for (const name of ["access-control-allow-origin", "access-control-expose-headers"]) {
          const got = received.headers.get(name);
          if (got !== null) problems.push(`${name} must be absent for ${FOREIGN_ORIGIN}, got ${JSON.stringify(got)}`);
        }
        return [...problems, ...varies(received)];
      },
    ),
    exchangeCase(
      "rule/request-id/echoed",
      "components.headers.RequestId: an X-Request-Id matching x-echo-pattern comes back as sent",
      () => request("GET", withoutToken(), { headers: { "x-request-id": SAFE_ID } }),
      (received) => [...expectError(received, 3, "json"), ...header(received, "x-request-id", SAFE_ID)],
    ),
    exchangeCase(
      "rule/request-id/replaced",
      "components.headers.RequestId: any other X-Request-Id is replaced by one the service makes",
      () => request("GET", withoutToken(), { headers: { "x-request-id": UNSAFE_ID } }),
      (received) => {
        const problems = expectError(received, 3, "json");
        const got = received.headers.get("x-request-id");
        if (got === null || got === "" || got === UNSAFE_ID) {
          problems.push(`X-Request-Id must be one the service made, got ${JSON.stringify(got)}`);
        }
        return problems;
      },
    ),
  ];
}

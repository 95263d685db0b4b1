// Cases for the headers the document fixes: the CORS headers (x-webcallback-cors) and the
// X-Request-Id echo (components.headers.RequestId). Each sends a request refused for its phone
// (17): no case here leaves an interaction behind, or counts as a failed authentication.
import { CORS_ANSWER_HEADERS, PREFLIGHT_HEADERS, SAFE_REQUEST_ID } from "@webcallback/core";
import type { CaseContext, ConformanceCase } from "../case.js";
import { exchangeCase } from "../exchange.js";
import { expectError } from "../expect.js";
import { type Received, request } from "../http-client.js";
import { baseRequest } from "../requests.js";

/** An origin no demo tenant lists (CONTRACT §8); `.invalid` is never anyone's site. */
const FOREIGN_ORIGIN = "http://foreign.invalid";

/** An X-Request-Id that matches components.headers.RequestId's pattern. */
const SAFE_ID = "conformance-run.42:check/id=+@";

/** One that does not: a space is not among the pattern's characters. */
const UNSAFE_ID = "two words";

const allowedOrigin = (context: CaseContext): string => new URL(context.loopbackBack).origin;

/** A request refused past authentication: the phone is missing (ctl_error 17). */
const withoutPhone = () => {
  const { phone: _phone, ...params } = baseRequest(1);
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
      "x-webcallback-cors (sent on preflight); info.description, CORS: an allowed Origin's preflight is answered 204",
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
          ...varies(received),
        ];
      },
    ),
    exchangeCase(
      "rule/cors/allowed-origin",
      "x-webcallback-cors (sent on answers); info.description, CORS: an allowed Origin may read the answer",
      (context) => request("POST", withoutPhone(), { headers: { origin: allowedOrigin(context) } }),
      (received, context) => [
        ...expectError(received, 17, "json"),
        ...header(received, "access-control-allow-origin", allowedOrigin(context)),
        ...Object.entries(CORS_ANSWER_HEADERS).flatMap(([name, value]) => header(received, name, value)),
        ...varies(received),
      ],
    ),
    exchangeCase(
      "rule/cors/foreign-origin",
      "info.description, CORS: an Origin no tenant lists gets no CORS headers",
      () => request("GET", withoutPhone(), { headers: { origin: FOREIGN_ORIGIN } }),
      (received) => {
        const problems = expectError(received, 17, "json");
        for (const name of ["access-control-allow-origin", ...Object.keys(CORS_ANSWER_HEADERS)]) {
          const got = received.headers.get(name);
          if (got !== null) problems.push(`${name} must be absent for ${FOREIGN_ORIGIN}, got ${JSON.stringify(got)}`);
        }
        return [...problems, ...varies(received)];
      },
    ),
    exchangeCase(
      "rule/request-id/echoed",
      "components.headers.RequestId: an X-Request-Id matching its pattern comes back as sent",
      () => request("GET", withoutPhone(), { headers: { "x-request-id": SAFE_ID } }),
      (received) => [...expectError(received, 17, "json"), ...header(received, "x-request-id", SAFE_ID)],
    ),
    exchangeCase(
      "rule/request-id/replaced",
      "components.headers.RequestId: any other X-Request-Id is replaced by one the service makes, matching the pattern",
      () => request("GET", withoutPhone(), { headers: { "x-request-id": UNSAFE_ID } }),
      (received) => {
        const problems = expectError(received, 17, "json");
        const got = received.headers.get("x-request-id");
        if (got === null || got === UNSAFE_ID || !SAFE_REQUEST_ID.test(got)) {
          problems.push(`X-Request-Id must be one the service made, matching the header's pattern; got ${JSON.stringify(got)}`);
        }
        return problems;
      },
    ),
  ];
}

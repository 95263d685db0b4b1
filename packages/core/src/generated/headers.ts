// generated from openapi/webcallback.yaml by scripts/generate.ts; do not edit.

/** components.headers.RequestId.schema.pattern: an X-Request-Id the service echoes as given; any other, or none, gets one of its own. */
export const SAFE_REQUEST_ID = new RegExp("^[A-Za-z0-9._:@/+=-]{1,128}$");

/** The Allow header of the endpoint's answers to OPTIONS and to a method it does not take. */
export const ENDPOINT_ALLOW = "GET, POST, OPTIONS";

/** x-webcallback-cors, sent on answers: besides Vary and Access-Control-Allow-Origin, what every answer to an allowed origin carries. */
export const CORS_ANSWER_HEADERS: Readonly<Record<string, string>> = {
  "access-control-expose-headers": "Retry-After, X-Request-Id"
};

/** x-webcallback-cors, sent on preflight: the headers of a preflight's answer for an allowed origin. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-methods": "GET, POST",
  "access-control-allow-headers": "Content-Type, X-Request-Id",
  "access-control-max-age": "600"
};

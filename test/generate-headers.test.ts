// renderHeaders (scripts/generate/render.ts): the request-id pattern, the Allow header and the
// CORS headers read from a document, and the documents it refuses rather than misread.
import { describe, expect, it } from "vitest";
import { type OpenApiDocument, renderHeaders } from "../scripts/generate/render.ts";

type Cors = NonNullable<OpenApiDocument["x-webcallback-cors"]>;

const CORS: Cors = [
  { header: "Access-Control-Expose-Headers", value: "Retry-After", sentOn: "answers" },
  { header: "Access-Control-Allow-Methods", value: "GET, POST", sentOn: "preflight" },
  { header: "Access-Control-Max-Age", value: "600", sentOn: "preflight" },
];

function doc(changes: { pathItem?: Record<string, unknown>; cors?: unknown; headers?: unknown } = {}): OpenApiDocument {
  return {
    paths: { "/SC/webcallback.php": (changes.pathItem ?? { get: {}, post: {} }) as never },
    components: {
      parameters: {},
      schemas: {},
      examples: {},
      headers: ("headers" in changes ? changes.headers : { RequestId: { schema: { type: "string", pattern: "^[a-z]{1,8}$" } } }) as never,
    },
    "x-webcallback-cors": ("cors" in changes ? changes.cors : CORS) as Cors,
    "x-webcallback-errors": [],
    "x-webcallback-order-of-checks": [],
    "x-webcallback-tokens": [],
  };
}

describe("renderHeaders reads", () => {
  it.each([
    { name: "the request id pattern", given: doc(), want: 'SAFE_REQUEST_ID = new RegExp("^[a-z]{1,8}$")' },
    { name: "Allow: the operations, then OPTIONS", given: doc(), want: 'ENDPOINT_ALLOW = "GET, POST, OPTIONS"' },
    {
      name: "Allow: only the path item's operations, not its summary or parameters",
      given: doc({ pathItem: { summary: "s", description: "d", parameters: [], servers: [], get: {}, post: {} } }),
      want: 'ENDPOINT_ALLOW = "GET, POST, OPTIONS"',
    },
    { name: "answers' headers, lower-case", given: doc(), want: '"access-control-expose-headers": "Retry-After"' },
    { name: "a preflight's headers", given: doc(), want: '"access-control-max-age": "600"' },
  ])("$name", ({ given, want }) => {
    expect(renderHeaders(given)).toContain(want);
  });
});

describe("renderHeaders refuses", () => {
  it.each([
    {
      name: "a CORS row sent on neither answers nor preflight",
      given: doc({ cors: [...CORS, { header: "X-Extra", value: "1", sentOn: "preflights" }] }),
      want: /X-Extra: sentOn is "preflights", not one of answers, preflight/,
    },
    {
      name: "Allow-Methods that are not the document's operations",
      given: doc({ pathItem: { get: {} } }),
      want: /Access-Control-Allow-Methods is "GET, POST"; paths\.\/SC\/webcallback\.php defines GET/,
    },
    {
      name: "a document without components.headers",
      given: doc({ headers: undefined }),
      want: /components\.headers\.RequestId\.schema\.pattern is missing/,
    },
    { name: "a document without x-webcallback-cors", given: doc({ cors: undefined }), want: /x-webcallback-cors is missing/ },
  ])("$name", ({ given, want }) => {
    expect(() => renderHeaders(given)).toThrow(want);
  });
});

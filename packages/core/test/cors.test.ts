// Which origins may call the endpoint from a browser, and the headers their answers carry.
import { describe, expect, it } from "vitest";
import { CORS_MEMO_LIMIT, CorsOrigins } from "../src/cors.js";
import { ENDPOINT_ALLOW, PREFLIGHT_HEADERS } from "../src/generated/headers.js";

const policy = () => new CorsOrigins(["http://www.acmejet.com", "http://localhost:*"]);

describe("CorsOrigins.allows", () => {
  it.each([
    { origin: "http://www.acmejet.com", want: true },
    { origin: "http://localhost:5173", want: true },
    { origin: "http://localhost", want: true },
    { origin: "https://www.acmejet.com", want: false },
    { origin: "http://www.acmejet.com:8080", want: false },
    { origin: "http://www.acmejet.com/", want: false },
    { origin: "http://evil.invalid", want: false },
    { origin: "null", want: false },
    { origin: "", want: false },
    { origin: `http://localhost:1${"0".repeat(300)}`, want: false },
  ])("$origin: $want", ({ origin, want }) => {
    const cors = policy();
    expect(cors.allows(origin)).toBe(want);
    // The memoized answer is the same.
    expect(cors.allows(origin)).toBe(want);
  });

  it("does not remember an Origin over 300 characters", () => {
    const cors = policy();
    cors.allows(`http://${"a".repeat(300)}.example`);
    expect(cors.memoized).toBe(0);
  });

  it("allows an Origin of exactly 300 characters when it is listed", () => {
    const long = `http://${"a".repeat(293)}`;
    expect(long.length).toBe(300);
    expect(new CorsOrigins([long]).allows(long)).toBe(true);
  });

  it("remembers at most CORS_MEMO_LIMIT origins, then starts over", () => {
    const cors = policy();
    for (let i = 0; i < CORS_MEMO_LIMIT; i++) cors.allows(`http://localhost:${i}`);
    expect(cors.memoized).toBe(CORS_MEMO_LIMIT);
    // One it knows is answered from the memo, which stays as it is.
    expect(cors.allows("http://localhost:0")).toBe(true);
    expect(cors.memoized).toBe(CORS_MEMO_LIMIT);
    expect(cors.allows("http://www.acmejet.com")).toBe(true);
    expect(cors.memoized).toBe(1);
  });
});

describe("CorsOrigins.headers", () => {
  it.each([
    { origin: undefined, want: {} },
    { origin: "http://evil.invalid", want: { vary: "Origin" } },
    {
      origin: "http://localhost:3000",
      want: {
        vary: "Origin",
        "access-control-allow-origin": "http://localhost:3000",
        "access-control-expose-headers": "Retry-After, X-Request-Id",
      },
    },
  ])("$origin", ({ origin, want }) => {
    expect(policy().headers(origin)).toEqual(want);
  });

  it("a preflight allows GET and POST with Content-Type and X-Request-Id, for 600 s", () => {
    expect(PREFLIGHT_HEADERS).toEqual({
      "access-control-allow-methods": "GET, POST",
      "access-control-allow-headers": "Content-Type, X-Request-Id",
      "access-control-max-age": "600",
    });
    expect(ENDPOINT_ALLOW).toBe("GET, POST, OPTIONS");
  });
});

// The HTTP surface of `webcallback serve` in a child process: no open redirect (104), content
// types (415), the body limit (413), methods and paths, Cache-Control, CORS, request ids,
// /healthz, /readyz, /metrics, logs without tokens, and a trusted proxy's client address.
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CATALOGUE, CTL_ERROR, type CtlErrorCode, REQUEST_EXAMPLES } from "@webcallback/core";
import { hashToken } from "@webcallback/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT, given, type Params, type Reply, reply, send } from "./support/callback-client.ts";
import { type ServerProcess, startServer } from "./support/server-process.ts";

const ACME_TOKEN = REQUEST_EXAMPLES.Example1CallNow.value.token;
const CALL_NOW: Params = given(REQUEST_EXAMPLES.Example1CallNow.value, { back: null });
const FORM = "application/x-www-form-urlencoded";

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

function expectError(answer: Reply, code: CtlErrorCode): void {
  expect(answer.status, answer.text).toBe(CATALOGUE[code].httpStatus);
  expect(answer.json).toEqual({ ctl_error: code, message: CATALOGUE[code].message });
  expect(answer.headers.get("cache-control")).toBe("no-store");
  expect(answer.location).toBeNull();
}

async function post(body: string | ReadableStream<Uint8Array>, headers: Record<string, string>, query = ""): Promise<Reply> {
  return reply(
    await fetch(`${server.url}${ENDPOINT}${query}`, {
      method: "POST",
      redirect: "manual",
      headers,
      body,
      ...(typeof body === "string" ? {} : { duplex: "half" as const }),
    }),
  );
}

/** A valid form exactly `bytes` long, padded with an unknown parameter. */
function formOf(bytes: number): string {
  const base = `${new URLSearchParams(CALL_NOW).toString()}&pad=`;
  return base + "x".repeat(bytes - base.length);
}

/** The server's JSON log lines so far, after a moment for the last ones to be written. */
async function logLines(of: ServerProcess): Promise<Record<string, unknown>[]> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return of
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("no open redirect (104)", () => {
  it.each([
    { name: "an origin the tenant does not list", back: "http://evil.invalid/done" },
    { name: "a listed host on another scheme", back: "https://www.acmejet.com/ctdresult.php" },
    { name: "a listed host on another port", back: "http://www.acmejet.com:8080/ctdresult.php" },
    { name: "a relative URL", back: "/ctdresult.php" },
    { name: "a scheme-relative URL", back: "//evil.invalid/done" },
    { name: "javascript:", back: "javascript:alert(1)" },
    { name: "a look-alike host", back: "http://www.acmejet.com.evil.invalid/" },
    { name: "credentials in front of a listed host", back: "http://www.acmejet.com@evil.invalid/" },
    { name: "a header break inside", back: "http://127.0.0.1:9/done\r\nSet-Cookie: x=1" },
  ])("$name", async ({ back }) => {
    for (const method of ["GET", "POST"] as const)
      expectError(await send(server.url, { ...CALL_NOW, back }, { method }), CTL_ERROR.BACK_NOT_ALLOWED);
  });

  it("even on a request that is otherwise fine, and before later checks", async () => {
    expectError(await send(server.url, { ...CALL_NOW, phone: "", back: "http://evil.invalid/" }), CTL_ERROR.BACK_NOT_ALLOWED);
  });

  it("an unknown tenant's back is never followed (JSON 1)", async () => {
    expectError(await send(server.url, { ...CALL_NOW, tenant: "Nobody", back: "http://127.0.0.1:9/done" }), CTL_ERROR.TENANT_NOT_ENABLED);
  });

  it.each([
    { name: "a space", back: "http://localhost:3000/thank you", location: "http://localhost:3000/thank%20you" },
    { name: "a Latin-1 letter", back: "http://localhost:3000/café", location: "http://localhost:3000/caf%C3%A9" },
    { name: "a CJK character", back: "http://localhost:3000/你好", location: "http://localhost:3000/%E4%BD%A0%E5%A5%BD" },
  ])("an allowed back with $name is sent back percent-encoded", async ({ back, location }) => {
    const accepted = await send(server.url, { ...CALL_NOW, back });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(location);
    const refused = await send(server.url, { ...CALL_NOW, token: "bad", back });
    expect(refused.location).toBe(`${location}?ctl_error=3`);
  });

  it("an allowed back keeps its query and fragment, ctl_error going before the fragment", async () => {
    const answer = await send(server.url, { ...CALL_NOW, token: "bad", back: "http://localhost:3000/done?from=form#top" });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe("http://localhost:3000/done?from=form&ctl_error=3#top");
  });
});

describe("content types (415)", () => {
  it.each([
    { name: "JSON", type: "application/json", body: JSON.stringify(CALL_NOW) },
    { name: "plain text", type: "text/plain", body: new URLSearchParams(CALL_NOW).toString() },
    { name: "multipart", type: "multipart/form-data; boundary=x", body: "--x--" },
    { name: "a look-alike", type: "application/x-www-form-urlencoded-v2", body: new URLSearchParams(CALL_NOW).toString() },
  ])("refuses $name", async ({ type, body }) => {
    expectError(await post(body, { "content-type": type }), CTL_ERROR.UNSUPPORTED_MEDIA_TYPE);
  });

  it.each([
    { name: "a charset other than UTF-8", headers: { "content-type": `${FORM}; charset=iso-8859-1` } },
    { name: "a compressed body", headers: { "content-type": FORM, "content-encoding": "gzip" } },
  ])("refuses $name", async ({ headers }) => {
    expectError(await post(new URLSearchParams(CALL_NOW).toString(), headers), CTL_ERROR.UNSUPPORTED_MEDIA_TYPE);
  });

  it("refuses a body without a content type", async () => {
    const answer = await reply(
      await fetch(`${server.url}${ENDPOINT}`, { method: "POST", body: new Blob([new URLSearchParams(CALL_NOW).toString()]) }),
    );
    expectError(answer, CTL_ERROR.UNSUPPORTED_MEDIA_TYPE);
  });

  it.each([
    { name: "a charset parameter", type: `${FORM}; charset=UTF-8` },
    { name: "another case", type: "Application/X-WWW-Form-URLEncoded" },
  ])("accepts the form type with $name", async ({ type }) => {
    expect((await post(new URLSearchParams(CALL_NOW).toString(), { "content-type": type })).status).toBe(202);
  });

  it("accepts a POST without a body, its parameters in the query", async () => {
    const answer = await reply(await fetch(`${server.url}${ENDPOINT}?${new URLSearchParams(CALL_NOW)}`, { method: "POST" }));
    expect(answer.status).toBe(202);
  });
});

describe("the body limit (413)", () => {
  it("takes a body of exactly 64 KiB", async () => {
    expect((await post(formOf(64 * 1024), { "content-type": FORM })).status).toBe(202);
  });

  it("refuses one byte more, and closes the connection", async () => {
    const answer = await post(formOf(64 * 1024 + 1), { "content-type": FORM });
    expectError(answer, CTL_ERROR.BODY_TOO_LARGE);
    expect(answer.headers.get("connection")).toBe("close");
  });

  it("refuses a chunked body that grows past the limit", async () => {
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    expectError(await post(stream, { "content-type": FORM }), CTL_ERROR.BODY_TOO_LARGE);
  });

  it.each([
    { name: "a POST elsewhere", method: "POST", path: "/nope" },
    { name: "a GET of the endpoint", method: "GET", path: ENDPOINT },
    { name: "a GET of /healthz", method: "GET", path: "/healthz" },
  ])("refuses $name that declares a body over the limit", async ({ method, path }) => {
    const head = await raw(`${method} ${path} HTTP/1.1\r\nHost: x\r\nContent-Length: ${64 * 1024 + 1}\r\n\r\n`);
    expect(head).toMatch(/^HTTP\/1\.1 413 /);
    expect(head).toContain('"ctl_error":107');
  });

  it("does not count a refused body elsewhere as a callback request", async () => {
    const refused = async () => (await (await fetch(`${server.url}/metrics`)).text()).match(/ctl_error="107"\} (\d+)/)?.[1] ?? "0";
    const before = await refused();
    await raw(`POST /nope HTTP/1.1\r\nHost: x\r\nContent-Length: ${64 * 1024 + 1}\r\n\r\n`);
    expect(await refused()).toBe(before);
  });

  it("keeps serving afterwards", async () => {
    expect((await send(server.url, CALL_NOW)).status).toBe(202);
  });
});

describe("request targets", () => {
  it("routes an absolute-form target (RFC 9112) like its path", async () => {
    const query = new URLSearchParams(CALL_NOW).toString();
    const head = await raw(`GET ${server.url}${ENDPOINT}?${query} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expect(head).toMatch(/^HTTP\/1\.1 202 /);
  });

  it("does not log an unknown path, which might hold a token", async () => {
    await fetch(`${server.url}/SC/webcallback.php/${ACME_TOKEN}`);
    expect(server.output()).not.toContain(ACME_TOKEN);
  });
});

describe("methods and paths", () => {
  it.each(["PUT", "DELETE", "PATCH", "HEAD"])("%s on the endpoint is 405 with Allow", async (method) => {
    const response = await fetch(`${server.url}${ENDPOINT}`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST, OPTIONS");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it.each(["/", "/SC/webcallback", "/sc/webcallback.php", "/SC/webcallback.php/extra"])("%s is 404 JSON", async (path) => {
    const answer = await reply(await fetch(`${server.url}${path}`));
    expect(answer.status).toBe(404);
    expect(answer.json).toEqual({ error: "not found" });
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });
});

/** Writes raw bytes to the server and reads until it closes the connection. */
async function raw(request: string): Promise<string> {
  const { port } = new URL(server.url);
  const socket = connect(Number(port), "127.0.0.1");
  let text = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => (text += chunk));
  socket.write(request);
  await once(socket, "close");
  return text;
}

describe("requests node:http cannot parse", () => {
  it.each([
    { name: "a malformed header line", request: "GET /SC/webcallback.php HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", status: 400 },
    {
      name: "headers over the size limit",
      request: `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      status: 431,
    },
  ])("$name: $status, JSON, no-store", async ({ request, status }) => {
    const text = await raw(request);
    expect(text).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(text).toContain("cache-control: no-store");
    expect(text).toContain("content-type: application/json");
  });
});

describe("CORS for a tenant's site", () => {
  it.each([
    { origin: "http://www.acmejet.com", allowed: true },
    { origin: "http://localhost:5173", allowed: true },
    { origin: "http://127.0.0.1:8000", allowed: true },
    { origin: "https://www.acmejet.com", allowed: false },
    { origin: "http://evil.invalid", allowed: false },
    { origin: "null", allowed: false },
  ])("$origin: allowed $allowed", async ({ origin, allowed }) => {
    const answer = await send(server.url, CALL_NOW, { headers: { origin } });
    expect(answer.status).toBe(202);
    expect(answer.headers.get("access-control-allow-origin")).toBe(allowed ? origin : null);
    expect(answer.headers.get("vary")).toBe("Origin");

    const preflight = await fetch(`${server.url}${ENDPOINT}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(allowed ? origin : null);
    expect(preflight.headers.get("access-control-allow-methods")).toBe(allowed ? "GET, POST" : null);
    expect(preflight.headers.get("access-control-allow-headers")).toBe(allowed ? "Content-Type, X-Request-Id" : null);
    expect(preflight.headers.get("cache-control")).toBe("no-store");
  });

  it("lets the page read Retry-After and X-Request-Id", async () => {
    const answer = await send(server.url, CALL_NOW, { headers: { origin: "http://www.acmejet.com" } });
    expect(answer.headers.get("access-control-expose-headers")).toBe("Retry-After, X-Request-Id");
  });
});

describe("operations", () => {
  it("/healthz and /readyz answer 200, no-store", async () => {
    for (const path of ["/healthz", "/readyz"]) {
      const answer = await reply(await fetch(`${server.url}${path}`));
      expect(answer.status).toBe(200);
      expect(answer.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("/metrics counts requests by outcome and ctl_error, with a latency histogram and process metrics", async () => {
    await send(server.url, CALL_NOW);
    await send(server.url, { ...CALL_NOW, token: "bad" });
    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^webcallback_requests_total\{outcome="accepted",ctl_error="none"\} [1-9]/m);
    expect(text).toMatch(/^webcallback_requests_total\{outcome="rejected",ctl_error="3"\} [1-9]/m);
    expect(text).toMatch(/^webcallback_request_duration_seconds_bucket\{le="0.005",outcome="accepted"\} [1-9]/m);
    expect(text).toMatch(/^webcallback_request_duration_seconds_count\{outcome="rejected"\} [1-9]/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
  });

  it("echoes X-Request-Id, or makes one", async () => {
    const echoed = await fetch(`${server.url}${ENDPOINT}?${new URLSearchParams(CALL_NOW)}`, { headers: { "x-request-id": "req-123" } });
    expect(echoed.headers.get("x-request-id")).toBe("req-123");
    const made = await fetch(`${server.url}/healthz`);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f]{8}-[0-9a-z]+$/);
  });

  it("logs JSON lines with the request id and never a token", async () => {
    await send(server.url, CALL_NOW, { headers: { "x-request-id": "log-check-1" } });
    await send(server.url, CALL_NOW, { method: "POST", headers: { "x-request-id": "log-check-2" } });
    const lines = await logLines(server);
    expect(lines.find((line) => line.msg === "listening")).toMatchObject({ level: "info", url: server.url });
    expect(lines.find((line) => line.level === "warn")?.msg).toMatch(/demo directory/);
    expect(lines.find((line) => line.reqId === "log-check-1")).toMatchObject({ method: "GET", path: ENDPOINT, status: 202 });
    expect(lines.find((line) => line.reqId === "log-check-2")).toMatchObject({ method: "POST", path: ENDPOINT, status: 202 });
    expect(server.output()).not.toContain(ACME_TOKEN);
  });

  it("gives the API reference's answers a request id and a log line (its paths logged as /docs)", async () => {
    const site = await fetch(`${server.url}/docs/`, { headers: { "x-request-id": "docs-check-1" } });
    await site.arrayBuffer();
    expect(site.headers.get("x-request-id")).toBe("docs-check-1");
    const missing = await fetch(`${server.url}/docs/secret-name.zip`, { headers: { "x-request-id": "docs-check-2" } });
    await missing.arrayBuffer();
    expect(missing.status).toBe(404);
    const lines = await logLines(server);
    // A page served is logged at debug level like a probe; a miss at info, without the path asked for.
    expect(lines.find((line) => line.reqId === "docs-check-2")).toMatchObject({ method: "GET", path: "/docs", status: 404 });
    expect(server.output()).not.toContain("secret-name");
  });
});

describe("behind a trusted proxy", () => {
  let proxied: ServerProcess;
  let dir: string;
  const HTTPS = { "x-forwarded-proto": "https" };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "wc-proxy-"));
    const config = join(dir, "tenants.json");
    const tenants = {
      Crowd: {
        tokens: [hashToken("crowd-token")],
        channels: { "18006661212": {} },
        rateLimit: { perClient: { limit: 1, windowSeconds: 3600 } },
      },
    };
    await writeFile(config, JSON.stringify({ tenants }));
    proxied = await startServer({ args: ["--trust-proxy", "--config", config] });
  });

  afterAll(async () => {
    expect(await proxied.stop()).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });

  const crowd = given(CALL_NOW, { tenant: "Crowd", token: "crowd-token" });

  it.each([
    { name: "no X-Forwarded-Proto", headers: {} },
    { name: "http", headers: { "x-forwarded-proto": "http" } },
    { name: "http first in a list", headers: { "x-forwarded-proto": "http, https" } },
    { name: "http after https in a list", headers: { "x-forwarded-proto": "https, http" } },
  ])("refuses a request that came in over $name (109)", async ({ headers }) => {
    expectError(await send(proxied.url, crowd, { headers }), CTL_ERROR.HTTPS_REQUIRED);
  });

  it("takes the client address from the last X-Forwarded-For entry, the one the proxy added", async () => {
    // The first entry is the client's to invent; the same invented one must not buy a second request.
    const from = (address: string) => ({ ...HTTPS, "x-forwarded-for": `10.0.0.1, ${address}` });
    expect((await send(proxied.url, crowd, { headers: from("203.0.113.7") })).status).toBe(202);
    expectError(await send(proxied.url, crowd, { headers: from("203.0.113.7") }), CTL_ERROR.RATE_LIMITED);
    expect((await send(proxied.url, crowd, { headers: from("203.0.113.8") })).status).toBe(202);
  });

  it("serves the operations endpoints to the proxy's probes without X-Forwarded-Proto", async () => {
    expect((await fetch(`${proxied.url}/readyz`)).status).toBe(200);
  });
});

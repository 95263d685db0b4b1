// Every error code over real HTTP against `webcallback serve` in a child process, in JSON mode
// and in redirect mode; the order of checks; GET and POST answering alike; rate limits hit and
// recovered. The table of codes is driven by the catalogue and its generated examples.

import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CATALOGUE, CTL_ERROR, type CtlErrorCode, ERROR_EXAMPLES, REQUEST_EXAMPLES } from "@webcallback/core";
import { hashToken } from "@webcallback/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT, given, LOOPBACK_BACK, type Method, type Params, type Reply, reply, send } from "./support/callback-client.ts";
import { type ServerProcess, startServer } from "./support/server-process.ts";

type Mode = "json" | "redirect";
const MODES: readonly Mode[] = ["json", "redirect"];
const METHODS: readonly Method[] = ["GET", "POST"];

const ACME_TOKEN = REQUEST_EXAMPLES.Example1CallNow.value.token;
const CALL_NOW: Params = given(REQUEST_EXAMPLES.Example1CallNow.value, { back: null });
const WHEN_AVAILABLE: Params = given(REQUEST_EXAMPLES.Example3WhenAgentAvailable.value, { back: null });

// Rate-limited tenants: Tight for the table (no timing involved), Brief and Crowd to see a limit recover.
const LIMITS_YAML = `
tenants:
  Tight:
    tokens: [${hashToken("tight-token")}]
    channels: { "18006661212": {} }
    allowedBackOrigins: ["http://127.0.0.1:*"]
    rateLimit: { perPhone: { limit: 1, windowSeconds: 3600 } }
  Brief:
    tokens: [${hashToken("brief-token")}]
    channels: { "18006661212": {} }
    rateLimit: { perPhone: { limit: 2, windowSeconds: 1 } }
  Crowd:
    tokens: [${hashToken("crowd-token")}]
    channels: { "18006661212": {} }
    rateLimit: { perClient: { limit: 3, windowSeconds: 1 } }
`;

function limited(tenant: "Tight" | "Brief" | "Crowd", phone: string): Params {
  return given(CALL_NOW, { tenant, token: `${tenant.toLowerCase()}-token`, phone, caller_id: null });
}

let demo: ServerProcess;
let proxied: ServerProcess;
let limits: ServerProcess;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wc-errors-"));
  const config = join(dir, "limits.yaml");
  await writeFile(config, LIMITS_YAML);
  [demo, proxied, limits] = await Promise.all([
    startServer(),
    startServer({ args: ["--trust-proxy"] }),
    startServer({ args: ["--config", config] }),
  ]);
});

afterAll(async () => {
  const codes = await Promise.all([demo, proxied, limits].map((server) => server?.stop()));
  expect(codes).toEqual([0, 0, 0]);
  await rm(dir, { recursive: true, force: true });
});

/** What the catalogue says a code answers in JSON mode, and that every answer is no-store. */
function expectJsonError(answer: Reply, code: CtlErrorCode): void {
  const entry = CATALOGUE[code];
  expect(answer.status, answer.text).toBe(entry.httpStatus);
  expect(answer.headers.get("cache-control")).toBe("no-store");
  expect(answer.location).toBeNull();
  expect(answer.json).toMatchObject({ ctl_error: code, message: entry.message });
  if (entry.retryAfter) expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
}

function expectRedirectError(answer: Reply, code: CtlErrorCode): void {
  expect(answer.status, answer.text).toBe(302);
  expect(answer.headers.get("cache-control")).toBe("no-store");
  expect(answer.location).toBe(`${LOOPBACK_BACK}?ctl_error=${code}`);
  if (CATALOGUE[code].retryAfter) expect(Number(answer.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
}

/** Redirect mode: the loopback back URL every demo tenant allows, unless the case brings its own. */
function inMode(params: Params, mode: Mode): Params {
  return mode === "redirect" && params.back === undefined ? { ...params, back: LOOPBACK_BACK } : params;
}

/** A form POST whose headers go now and whose body goes when `finish` is called. */
function slowPost(url: string, params: Params): { finish: () => void; answer: Promise<Reply> } {
  const body = new URLSearchParams(params).toString();
  const target = new URL(`${url}${ENDPOINT}`);
  let finish = () => {};
  const answer = new Promise<Reply>((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") headers.set(name, value);
          resolve(reply(new Response(text, { status: res.statusCode ?? 0, headers })));
        });
      },
    );
    req.on("error", reject);
    req.flushHeaders();
    finish = () => req.end(body);
  });
  return { finish: () => finish(), answer };
}

/** 15: a request whose body arrives after SIGTERM, on a server of its own. */
async function whileDraining(params: Params): Promise<Reply> {
  const server = await startServer();
  const late = slowPost(server.url, params);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const exited = server.stop("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 100));
  late.finish();
  const answer = await late.answer;
  expect(await exited).toBe(0);
  return answer;
}

const bigForm = (bytes: number) => `tenant=Acme&token=${ACME_TOKEN}&x=${"a".repeat(bytes - 50 - ACME_TOKEN.length)}`.padEnd(bytes, "a");

/** How to provoke each code that no single request to the demo directory can. */
const PROVOKE: Partial<Record<CtlErrorCode, (mode: Mode) => Promise<Reply>>> = {
  // Unknown tenant on purpose: 15 comes before 1.
  [CTL_ERROR.SERVICE_UNAVAILABLE]: (mode) => whileDraining(inMode(given(CALL_NOW, { tenant: "Nobody" }), mode)),
  [CTL_ERROR.RATE_LIMITED]: async (mode) => {
    const params = inMode(limited("Tight", mode === "json" ? "15550000001" : "15550000002"), mode);
    const first = await send(limits.url, params);
    expect(first.status).toBe(mode === "json" ? 202 : 302);
    return send(limits.url, params);
  },
  [CTL_ERROR.BODY_TOO_LARGE]: async (mode) =>
    reply(
      await fetch(`${demo.url}${ENDPOINT}${mode === "redirect" ? `?back=${encodeURIComponent(LOOPBACK_BACK)}` : ""}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: bigForm(64 * 1024 + 1),
      }),
    ),
  [CTL_ERROR.UNSUPPORTED_MEDIA_TYPE]: async (mode) =>
    reply(
      await fetch(`${demo.url}${ENDPOINT}`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(inMode(CALL_NOW, mode)),
      }),
    ),
  [CTL_ERROR.HTTPS_REQUIRED]: (mode) => send(proxied.url, inMode(CALL_NOW, mode), { headers: { "x-forwarded-proto": "http" } }),
};

/** Codes this file cannot provoke over HTTP, and where they are tested instead. */
const ELSEWHERE: Partial<Record<CtlErrorCode, string>> = {
  // Only an unexpected failure answers 19: packages/server/test/server.test.ts breaks the directory in-process.
  [CTL_ERROR.INTERNAL_ERROR]: "packages/server/test/server.test.ts",
};

describe("every error code, in JSON mode and in redirect mode", () => {
  const fromExamples = ERROR_EXAMPLES.flatMap((example) => (example.request === null ? [] : [{ code: example.code, example }]));

  it("the table covers the whole catalogue", () => {
    const covered = new Set<number>([
      ...fromExamples.map((c) => c.code),
      ...Object.keys(PROVOKE).map(Number),
      ...Object.keys(ELSEWHERE).map(Number),
    ]);
    expect([...covered].sort((a, b) => a - b)).toEqual(
      Object.keys(CATALOGUE)
        .map(Number)
        .sort((a, b) => a - b),
    );
  });

  describe.each(MODES)("%s mode", (mode) => {
    it.each(fromExamples.flatMap(({ code, example }) => METHODS.map((method) => ({ code, method, example }))))(
      "ctl_error $code by $method",
      async ({ code, method, example }) => {
        const answer = await send(demo.url, inMode(example.request as Params, mode), { method });
        if (mode === "json" || CATALOGUE[code].alwaysJson) {
          expectJsonError(answer, code);
          expect(answer.json).toEqual(example.body);
        } else {
          expectRedirectError(answer, code);
        }
      },
    );

    it.each(Object.entries(PROVOKE).map(([code, provoke]) => ({ code: Number(code) as CtlErrorCode, provoke })))(
      "ctl_error $code",
      async ({ code, provoke }) => {
        const answer = await provoke?.(mode);
        if (answer === undefined) throw new Error("no scenario");
        // 15 comes before the tenant is known, so it is never redirected.
        if (mode === "json" || CATALOGUE[code].alwaysJson || code === CTL_ERROR.SERVICE_UNAVAILABLE) expectJsonError(answer, code);
        else expectRedirectError(answer, code);
      },
    );
  });
});

describe("the order of checks: the first failing rule wins", () => {
  const TYPE1 = CALL_NOW;
  const TYPE2 = WHEN_AVAILABLE;
  const LONG_EXT = `[n|${"x".repeat(500)}]`;
  interface Case {
    readonly name: string;
    readonly given: Params;
    readonly want: CtlErrorCode;
  }
  const cases: readonly Case[] = [
    { name: "1 before 3 and 17", given: given(TYPE1, { tenant: "Nobody", token: "bad", phone: null }), want: 1 },
    { name: "1 (disabled) before 3", given: given(TYPE1, { tenant: "Initech", token: "bad" }), want: 1 },
    { name: "2 before 3", given: given(TYPE1, { tenant: "Globex", token: "bad" }), want: 2 },
    { name: "3 before 104", given: given(TYPE1, { token: "bad", back: "http://evil.invalid/" }), want: 3 },
    { name: "104 before 17", given: given(TYPE1, { back: "http://evil.invalid/", phone: null }), want: 104 },
    { name: "17 before 10", given: given(TYPE1, { phone: "12ab", callback_type: null }), want: 17 },
    { name: "10 before 12", given: given(TYPE1, { callback_type: null, channel_number: null }), want: 10 },
    { name: "14 before 12", given: given(TYPE1, { callback_type: "01", channel_number: null }), want: 14 },
    { name: "12 before 11", given: given(TYPE1, { channel_number: null, callback_delay: "soon" }), want: 12 },
    { name: "13 before 11", given: given(TYPE1, { channel_number: "19999999999", callback_delay: "soon" }), want: 13 },
    { name: "11 (delay) before 16", given: given(TYPE1, { callback_delay: "soon", extTransactionData: LONG_EXT }), want: 11 },
    { name: "7 before 11", given: given(TYPE2, { queue_id: "999", expiration: "soon" }), want: 7 },
    { name: "8 before 9", given: given(TYPE2, { queue_id: "104" }), want: 8 },
    { name: "9 before 11", given: given(TYPE2, { queue_id: "105", expiration: "soon" }), want: 9 },
    { name: "11 (expiration) before 16", given: given(TYPE2, { expiration: "soon", extTransactionData: LONG_EXT }), want: 11 },
    { name: "type 1 ignores the queue", given: given(TYPE1, { queue_id: "104" }), want: 0 as CtlErrorCode },
    { name: "16 before 101", given: given(TYPE1, { extTransactionData: LONG_EXT, ctl_userdata: "[a|b]junk" }), want: 16 },
    { name: "101 before 102", given: given(TYPE1, { ctl_userdata: "[a|b]junk", extTransactionData: "[no-bar]" }), want: 101 },
    {
      name: "102 before 103",
      given: given(TYPE1, { extTransactionData: "[no-bar]", ctl_userdata: "[ctl_callbackUrl|https://elsewhere.invalid/]" }),
      want: 102,
    },
    {
      name: "103 before 105",
      given: given(TYPE1, { ctl_userdata: "[ctl_callbackUrl|ftp://mywebporter.com/]", dialplan_id: "77" }),
      want: 103,
    },
    { name: "105 alone", given: given(TYPE1, { dialplan_id: "1x" }), want: 105 },
  ];

  it.each(cases)("$name", async ({ given: params, want }) => {
    const answer = await send(demo.url, params);
    if (want === (0 as CtlErrorCode)) expect(answer.status).toBe(202);
    else expectJsonError(answer, want);
  });

  it("105 before 106, and a refused request does not count against the limit", async () => {
    const params = limited("Tight", "15550000003");
    expect((await send(limits.url, params)).status).toBe(202);
    expectJsonError(await send(limits.url, given(params, { dialplan_id: "77" })), 105);
    expectJsonError(await send(limits.url, params), 106);
  });

  it("transport first: 109 before 107, 107 before 108", async () => {
    const huge = { method: "POST", redirect: "manual", body: bigForm(64 * 1024 + 1) } as const;
    expectJsonError(await reply(await fetch(`${proxied.url}${ENDPOINT}`, { ...huge, headers: { "content-type": "text/plain" } })), 109);
    expectJsonError(await reply(await fetch(`${demo.url}${ENDPOINT}`, { ...huge, headers: { "content-type": "text/plain" } })), 107);
  });
});

describe("GET and POST agree", () => {
  /** The answer without what differs between two acceptances (guid, times). */
  function comparable(answer: Reply): unknown {
    const body = answer.json as Record<string, unknown> | undefined;
    const { interaction_guid, call_at, expires_at, ...rest } = body ?? {};
    return {
      status: answer.status,
      location: answer.location,
      body:
        body === undefined
          ? undefined
          : {
              ...rest,
              has_guid: interaction_guid !== undefined,
              has_call_at: call_at !== undefined,
              expires_at: expires_at === null ? null : typeof expires_at,
            },
      retryAfter: answer.headers.get("retry-after"),
    };
  }

  const requests = [
    ...Object.entries(REQUEST_EXAMPLES).map(([name, example]) => ({ name, params: example.value as Params })),
    ...ERROR_EXAMPLES.flatMap((example) => (example.request === null ? [] : [{ name: example.name, params: example.request as Params }])),
  ];

  describe.each(MODES)("%s mode", (mode) => {
    it.each(requests)("$name", async ({ params }) => {
      const viaGet = await send(demo.url, inMode(params, mode), { method: "GET" });
      const viaPost = await send(demo.url, inMode(params, mode), { method: "POST" });
      expect(comparable(viaPost)).toEqual(comparable(viaGet));
    });
  });

  it("a POST merges the query string in, and its body wins on a clash", async () => {
    const query = new URLSearchParams({ tenant: "Acme", token: "wrong", phone: "16505551212" }).toString();
    const answer = await send(
      demo.url,
      { token: ACME_TOKEN, callback_type: "1", channel_number: "18006661212" },
      { method: "POST", query },
    );
    expect(answer.status).toBe(202);
  });

  it("the first of a repeated parameter wins", async () => {
    const query = `${new URLSearchParams(CALL_NOW).toString()}&token=wrong`;
    expect((await reply(await fetch(`${demo.url}${ENDPOINT}?${query}`))).status).toBe(202);
    const reversed = `token=wrong&${new URLSearchParams(CALL_NOW).toString()}`;
    expectJsonError(await reply(await fetch(`${demo.url}${ENDPOINT}?${reversed}`)), 3);
  });
});

describe("rate limits", () => {
  it("per phone: 429 with Retry-After once over, then accepted again after the window", async () => {
    const params = limited("Brief", "15550000010");
    expect((await send(limits.url, params)).status).toBe(202);
    expect((await send(limits.url, params)).status).toBe(202);
    const refused = await send(limits.url, params);
    expectJsonError(refused, 106);
    // Another number is not held back by this one.
    expect((await send(limits.url, limited("Brief", "15550000011"))).status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, Number(refused.headers.get("retry-after")) * 1000 + 100));
    expect((await send(limits.url, params)).status).toBe(202);
  });

  it("per client address: 429 once over, whatever the number, then accepted again", async () => {
    for (let i = 0; i < 3; i++) expect((await send(limits.url, limited("Crowd", `1555000002${i}`))).status).toBe(202);
    const refused = await send(limits.url, limited("Crowd", "15550000029"));
    expectJsonError(refused, 106);
    await new Promise((resolve) => setTimeout(resolve, Number(refused.headers.get("retry-after")) * 1000 + 100));
    expect((await send(limits.url, limited("Crowd", "15550000029"))).status).toBe(202);
  });

  it("the demo directory has none", async () => {
    for (let i = 0; i < 20; i++) expect((await send(demo.url, CALL_NOW)).status).toBe(202);
  });
});

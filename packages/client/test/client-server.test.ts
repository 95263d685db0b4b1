// The client against the real reference server (`webcallback serve` in a child process on
// loopback): the seed's four examples, GET and POST; JSON and redirect answers read alike;
// the local checks agree with the server and keep a bad request off the network.
import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CATALOGUE, type CtlErrorCode, REQUEST_EXAMPLES } from "@webcallback/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ServerProcess, startServer } from "../../../test/support/server-process.ts";
import {
  type CallbackInput,
  type CallbackResult,
  createWebCallbackClient,
  type Method,
  WebCallbackAnswerError,
  WebCallbackTransportError,
} from "../src/index.js";

const ACME = { tenant: "Acme", token: "fb65d0515b9631c6db72e7e66fe6df49" } as const;
/** Allowed for every demo tenant (`http://127.0.0.1:*`); nothing listens on port 9. */
const BACK = "http://127.0.0.1:9/done?from=test";
const METHODS: readonly Method[] = ["GET", "POST"];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.stop();
});

type Example = (typeof REQUEST_EXAMPLES)[keyof typeof REQUEST_EXAMPLES]["value"];

/** A seed example (from the document's examples) as client input. */
function inputOf(example: Example): CallbackInput {
  const common = { phone: example.phone, back: example.back, callerId: example.caller_id };
  if (example.callback_type === "1") {
    const delay = "callback_delay" in example ? Number(example.callback_delay) : undefined;
    const userData = "ctl_userdata" in example ? example.ctl_userdata : undefined;
    return {
      ...common,
      callbackType: 1,
      channelNumber: example.channel_number,
      ...(delay === undefined ? {} : { callbackDelay: delay }),
      ...(userData === undefined ? {} : { userData }),
    };
  }
  const expiration = "expiration" in example ? Number(example.expiration) : undefined;
  return { ...common, callbackType: 2, queueId: example.queue_id, ...(expiration === undefined ? {} : { expiration }) };
}

const EXAMPLES = Object.entries(REQUEST_EXAMPLES).flatMap(([name, example]) =>
  METHODS.map((method) => ({ name, method, input: inputOf(example.value) })),
);

describe("the seed's four examples through the client", () => {
  it.each(EXAMPLES)("$name by $method: redirect to back", async ({ method, input }) => {
    const client = createWebCallbackClient({ baseUrl: server.url, ...ACME, method });
    // The examples' back (www.acmejet.com) is allowed for Acme: the server redirects, unchanged on success.
    expect(await client.requestCallback(input)).toEqual({ ok: true });
  });

  it.each(EXAMPLES)("$name by $method: JSON without back", async ({ method, input }) => {
    const client = createWebCallbackClient({ baseUrl: server.url, ...ACME, method });
    const { back: _back, ...json } = input;
    const result = await client.requestCallback(json as CallbackInput);
    expect(result.ok).toBe(true);
    expect(result.ok && result.interactionGuid).toMatch(UUID);
  });
});

/** Requests only the server can refuse: it needs the directory. */
const SERVER_ERRORS: readonly { rule: string; tenant?: string; token?: string; input: CallbackInput; code: CtlErrorCode }[] = [
  { rule: "1 tenant disabled", tenant: "Initech", token: "fedcba9876543210fedcba9876543210", input: call(), code: 1 },
  { rule: "2 web callback off", tenant: "Globex", token: "0123456789abcdef0123456789abcdef", input: call(), code: 2 },
  { rule: "3 wrong token", token: "not-the-token", input: call(), code: 3 },
  { rule: "7 unknown queue", input: { callbackType: 2, phone: "16505551212", queueId: "999" }, code: 7 },
  { rule: "8 queue disabled", input: { callbackType: 2, phone: "16505551212", queueId: "104" }, code: 8 },
  { rule: "9 queue inbound", input: { callbackType: 2, phone: "16505551212", queueId: "105" }, code: 9 },
  { rule: "13 not a channel", input: { callbackType: 1, phone: "16505551212", channelNumber: "19999999999" }, code: 13 },
  { rule: "103 callback host", input: { ...call(), callbackUrl: "https://elsewhere.invalid/hook" }, code: 103 },
  { rule: "105 dial plan", input: { ...call(), dialplanId: "77" }, code: 105 },
];

function call() {
  return { callbackType: 1, phone: "16505551212", channelNumber: "18006661212" } as const satisfies CallbackInput;
}

function refused(code: CtlErrorCode): CallbackResult {
  return { ok: false, ctlError: code, message: CATALOGUE[code].message, httpStatus: CATALOGUE[code].httpStatus };
}

describe("errors read the same in JSON and redirect modes", () => {
  it.each(SERVER_ERRORS.flatMap((c) => METHODS.map((method) => ({ ...c, method }))))("$rule by $method", async (c) => {
    const client = createWebCallbackClient({
      baseUrl: server.url,
      tenant: c.tenant ?? ACME.tenant,
      token: c.token ?? ACME.token,
      method: c.method,
    });
    const inJson = await client.requestCallback(c.input);
    const byRedirect = await client.requestCallback({ ...c.input, back: BACK });
    expect(inJson).toEqual(refused(c.code));
    expect(byRedirect).toEqual(inJson);
  });
});

describe("local checks", () => {
  const LOCAL: readonly { rule: string; input: CallbackInput; code: CtlErrorCode }[] = [
    { rule: "17 phone", input: { ...call(), phone: "12345678901234567" }, code: 17 },
    { rule: "14 callback type", input: { ...call(), callbackType: 3 } as unknown as CallbackInput, code: 14 },
    { rule: "12 channel", input: { callbackType: 1, phone: "16505551212" } as unknown as CallbackInput, code: 12 },
    {
      rule: "11 delay",
      input: { callbackType: 1, phone: "16505551212", channelNumber: "18006661212", callbackDelay: Number.NaN },
      code: 11,
    },
    { rule: "16 extTransactionData", input: { ...call(), extTransactionData: { n: "x".repeat(500) } }, code: 16 },
    { rule: "101 ctl_userdata", input: { ...call(), userData: "[a|b]junk" }, code: 101 },
    { rule: "102 extTransactionData", input: { ...call(), extTransactionData: "[no-bar]" }, code: 102 },
  ];

  it.each(LOCAL)("$rule: refused before any network call, as the server would", async ({ input, code }) => {
    const fetch = vi.fn(globalThis.fetch);
    const client = createWebCallbackClient({ baseUrl: server.url, ...ACME, fetch });
    expect(await client.requestCallback(input)).toEqual(refused(code));
    expect(fetch).not.toHaveBeenCalled();
    // The same request sent as it is (buildCallbackUrl does not check): the server says the same.
    const answer = await globalThis.fetch(client.buildCallbackUrl(input), { redirect: "manual" });
    expect(((await answer.json()) as { ctl_error: number }).ctl_error).toBe(code);
  });

  it("a good request goes out exactly once", async () => {
    const fetch = vi.fn(globalThis.fetch);
    const client = createWebCallbackClient({ baseUrl: server.url, ...ACME, fetch });
    expect((await client.requestCallback(call())).ok).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe("numbers go out in plain decimal notation, which the server reads", () => {
  it.each(
    METHODS.flatMap((method) => [
      { method, name: "a delay of 0.0000001 s (String() writes 1e-7)", input: { ...call(), callbackDelay: 0.0000001 } },
      { method, name: "a delay of -1e-7 s (none)", input: { ...call(), callbackDelay: -1e-7 } },
      {
        method,
        name: "an expiration of 1e21 s (String() writes 1e+21)",
        input: { callbackType: 2, phone: "16505551212", queueId: "103", expiration: 1e21 } satisfies CallbackInput,
      },
      {
        method,
        name: "an expiration of 2.5e-7 s",
        input: { callbackType: 2, phone: "16505551212", queueId: "103", expiration: 2.5e-7 } satisfies CallbackInput,
      },
    ]),
  )("$name by $method: accepted", async ({ method, input }) => {
    const client = createWebCallbackClient({ baseUrl: server.url, ...ACME, method });
    const result = await client.requestCallback(input);
    expect(result).toEqual({ ok: true, interactionGuid: expect.stringMatching(UUID) });
  });
});

describe("a redirect from the server is read against the back that was sent", () => {
  // The server percent-encodes the spaces and non-ASCII characters of back in Location.
  const ODD_BACK = "http://127.0.0.1:9/café menu?q=a b&name=Zoë#résumé";
  it.each(METHODS)("back with spaces and non-ASCII by %s: accepted, and refused with the code", async (method) => {
    const client = createWebCallbackClient({ baseUrl: server.url, ...ACME, method });
    expect(await client.requestCallback({ ...call(), back: ODD_BACK })).toEqual({ ok: true });
    expect(await client.requestCallback({ ...call(), channelNumber: "19999999999", back: ODD_BACK })).toEqual(refused(13));
  });
});

/** A node:http server on 127.0.0.1 (a proxy, a broken upstream), answering every request with `listener`. */
async function oddServer(listener: RequestListener): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const odd = createServer((req, res) => {
    count++;
    req.resume();
    req.on("end", () => listener(req, res));
  });
  await new Promise<void>((resolve) => odd.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(odd.address() as AddressInfo).port}`,
    requests: () => count,
    close: () =>
      new Promise((resolve) => {
        odd.closeAllConnections();
        odd.close(() => resolve());
      }),
  };
}

describe("odd answers from whatever stands in front of the server", () => {
  it.each(METHODS)("a proxy's http->https 301 by %s is an answer error, not a success", async (method) => {
    const proxy = await oddServer((req, res) => res.writeHead(301, { location: `https://127.0.0.1${req.url}` }).end());
    try {
      const client = createWebCallbackClient({ baseUrl: proxy.url, ...ACME, method });
      for (const input of [call(), { ...call(), back: BACK }]) {
        const error = await client.requestCallback(input).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WebCallbackAnswerError);
        expect((error as WebCallbackAnswerError).httpStatus).toBe(301);
      }
      expect(proxy.requests()).toBe(2);
    } finally {
      await proxy.close();
    }
  });

  it.each(METHODS)("a 202 whose body is not JSON by %s is an answer error with the cause, sent once", async (method) => {
    const upstream = await oddServer((_req, res) => res.writeHead(202, { "content-type": "application/json" }).end("{accepted"));
    try {
      const client = createWebCallbackClient({ baseUrl: upstream.url, ...ACME, method });
      const error = await client.requestCallback(call()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebCallbackAnswerError);
      expect(error).not.toBeInstanceOf(WebCallbackTransportError);
      expect((error as WebCallbackAnswerError).httpStatus).toBe(202);
      expect((error as WebCallbackAnswerError).cause).toBeInstanceOf(SyntaxError);
      expect(upstream.requests()).toBe(1);
    } finally {
      await upstream.close();
    }
  });

  it("a 202 whose body is cut off is an answer error too", async () => {
    const upstream = await oddServer((_req, res) => {
      res.writeHead(202, { "content-type": "application/json", "content-length": "200" });
      res.write('{"status":"accepted",');
      setTimeout(() => res.destroy(), 20);
    });
    try {
      const client = createWebCallbackClient({ baseUrl: upstream.url, ...ACME });
      const error = await client.requestCallback(call()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebCallbackAnswerError);
      expect((error as WebCallbackAnswerError).httpStatus).toBe(202);
    } finally {
      await upstream.close();
    }
  });

  it("503 of 15 with Retry-After: the seconds come with the refusal", async () => {
    const draining = await oddServer((_req, res) =>
      res
        .writeHead(503, { "content-type": "application/json", "retry-after": "120" })
        .end(JSON.stringify({ ctl_error: 15, message: CATALOGUE[15].message })),
    );
    try {
      const client = createWebCallbackClient({ baseUrl: draining.url, ...ACME });
      expect(await client.requestCallback(call())).toStrictEqual({ ...refused(15), retryAfterSeconds: 120 });
    } finally {
      await draining.close();
    }
  });

  it("no server at all is still a transport error", async () => {
    const gone = await oddServer(() => undefined);
    await gone.close();
    const client = createWebCallbackClient({ baseUrl: gone.url, ...ACME });
    await expect(client.requestCallback(call())).rejects.toBeInstanceOf(WebCallbackTransportError);
  });
});

describe("a rate-limited request (106) carries the server's Retry-After", () => {
  const LIMITED = { tenant: "Limited", token: "limited-token-0123456789" } as const;
  let dir: string;
  let limited: ServerProcess;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "wc-client-limited-"));
    const config = join(dir, "tenants.json");
    const tokenHash = `sha256:${createHash("sha256").update(LIMITED.token).digest("hex")}`;
    await writeFile(
      config,
      JSON.stringify({
        tenants: {
          [LIMITED.tenant]: {
            tokens: [tokenHash],
            channels: { "18006661212": {} },
            allowedBackOrigins: ["http://127.0.0.1:*"],
            rateLimit: { perPhone: { limit: 1, windowSeconds: 600 } },
          },
        },
      }),
    );
    limited = await startServer({ args: ["--config", config] });
  });

  afterAll(async () => {
    await limited?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it.each(METHODS)("by %s, in JSON mode and in redirect mode", async (method) => {
    const client = createWebCallbackClient({ baseUrl: limited.url, ...LIMITED, method });
    const input = { ...call(), phone: method === "GET" ? "16505550101" : "16505550102" };
    expect((await client.requestCallback(input)).ok).toBe(true);
    for (const again of [input, { ...input, back: BACK }]) {
      const result = await client.requestCallback(again);
      expect(result).toMatchObject({ ...refused(106), retryAfterSeconds: expect.any(Number) });
      const seconds = result.ok ? -1 : (result.retryAfterSeconds ?? -1);
      expect(Number.isInteger(seconds) && seconds > 0 && seconds <= 600).toBe(true);
    }
  });
});

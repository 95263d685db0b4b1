// The client against the real reference server (`webcallback serve` in a child process on
// loopback): the seed's four examples, GET and POST; JSON and redirect answers read alike;
// the local checks agree with the server and keep a bad request off the network.
import { CATALOGUE, type CtlErrorCode, REQUEST_EXAMPLES } from "@webcallback/core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type ServerProcess, startServer } from "../../../test/support/server-process.ts";
import { type CallbackInput, type CallbackResult, createWebCallbackClient, type Method } from "../src/index.js";

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

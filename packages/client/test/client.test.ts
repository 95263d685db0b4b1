// The client without a server: the seed's URL shape, the local checks, and how each kind of
// answer becomes one result (a stub fetch answers as the server would).

import * as published from "@webcallback/client";
import { CATALOGUE, CTL_ERROR, NUMERIC_PATTERN, SERVERS } from "@webcallback/core";
import { describe, expect, it, vi } from "vitest";
import {
  buildCallbackParams,
  type CallbackInput,
  CTL_ERROR as CLIENT_CTL_ERROR,
  checkCallback,
  createWebCallbackClient,
  LOCAL_CODES,
  WebCallbackAnswerError,
  WebCallbackTransportError,
} from "../src/index.js";

const ACME = { tenant: "Acme", token: "fb65d0515b9631c6db72e7e66fe6df49" } as const;
const CALL_NOW: CallbackInput = { callbackType: 1, phone: "16505551212", channelNumber: "18006661212" };

/** A seed URL as printed (its line breaks are where the document wrapped it). */
const oneLine = (url: string) => url.replace(/\n/g, "");

describe("buildCallbackUrl gives the seed's URL shape", () => {
  const client = createWebCallbackClient({ region: "default", ...ACME });
  it.each([
    {
      name: "example 1",
      input: { ...CALL_NOW, back: "http://www.acmejet.com/ctdresult.php", callerId: "18006664444" } satisfies CallbackInput,
      want: `https://mycontactual.com/SC/webcallback.php?tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&phone=
16505551212&callback_type=1&channel_number=18006661212&back=http://www.acmejet.com/ctdresult.php&
caller_id=18006664444`,
    },
    {
      name: "example 2",
      input: {
        ...CALL_NOW,
        back: "http://www.acmejet.com/ctdresult.php",
        callerId: "18006664444",
        callbackDelay: 300,
        callbackUrl: "https://mywebporter.com/callback.php",
        userData: [
          ["Transactionid__c", "$interaction_guid$"],
          ["CallAnswerTime", "$call_answered_time$"],
          ["foreign_key", "1234456677"],
        ],
      } satisfies CallbackInput,
      want: `https://mycontactual.com/SC/webcallback.php?tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&phone=
16505551212&callback_type=1&channel_number=18006661212&back=http://www.acmejet.com/ctdresult.php&
caller_id=18006664444&callback_delay=300&ctl_userdata=[ctl_callbackUrl|https://mywebporter.com/
callback.php][Transactionid__c|$interaction_guid$][CallAnswerTime|$call_answered_time$]
[foreign_key|1234456677]`,
    },
    {
      name: "example 3",
      input: {
        callbackType: 2,
        phone: "16505551212",
        back: "http://www.acmejet.com/ctdresult.php",
        callerId: "18006664444",
        queueId: "103",
      } satisfies CallbackInput,
      want: `https://mycontactual.com/SC/webcallback.php?tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&phone=
16505551212&callback_type=2&back=http://www.acmejet.com/ctdresult.php&caller_id=18006664444&queue_id=103`,
    },
    {
      name: "example 4",
      input: {
        callbackType: 2,
        phone: "16505551212",
        back: "http://www.acmejet.com/ctdresult.php",
        callerId: "18006664444",
        queueId: "103",
        expiration: 3600,
      } satisfies CallbackInput,
      want: `https://mycontactual.com/SC/webcallback.php?tenant=Acme&token=fb65d0515b9631c6db72e7e66fe6df49&phone=
16505551212&callback_type=2&back=http://www.acmejet.com/ctdresult.php&caller_id=18006664444&
queue_id=103&expiration=3600`,
    },
  ])("$name", ({ input, want }) => {
    expect(client.buildCallbackUrl(input)).toBe(oneLine(want));
  });

  it("escapes what would break the query: & = + # % and spaces", () => {
    const url = client.buildCallbackUrl({ ...CALL_NOW, userData: { note: "a&b=c+d #1 100%" } });
    expect(url).toContain("ctl_userdata=[note|a%26b%3Dc%2Bd%20%231%20100%25]");
    expect(new URL(url).searchParams.get("ctl_userdata")).toBe("[note|a&b=c+d #1 100%]");
  });

  it("takes user data as an object, pairs or text alike", () => {
    const forms = [
      { a: "1", b: "2" },
      [
        ["a", "1"],
        ["b", "2"],
      ] as const,
      "[a|1][b|2]",
    ];
    const urls = forms.map((userData) => client.buildCallbackUrl({ ...CALL_NOW, userData }));
    expect(new Set(urls).size).toBe(1);
  });

  it("gives the same parameters for a form's hidden fields", () => {
    expect(buildCallbackParams(ACME, { ...CALL_NOW, callbackDelay: 60 })).toEqual([
      ["tenant", "Acme"],
      ["token", ACME.token],
      ["phone", "16505551212"],
      ["callback_type", "1"],
      ["channel_number", "18006661212"],
      ["callback_delay", "60"],
    ]);
  });
});

describe("numbers are written in plain decimal notation, which the API's numeric grammar reads", () => {
  it.each([
    { given: 300, want: "300" },
    { given: 0, want: "0" },
    { given: -0, want: "0" },
    { given: 0.5, want: "0.5" },
    { given: -5, want: "-5" },
    { given: 0.000001, want: "0.000001" },
    { given: 0.0000001, want: "0.0000001" },
    { given: 1.5e-7, want: "0.00000015" },
    { given: -2.5e-8, want: "-0.000000025" },
    { given: 123456789012345680000, want: "123456789012345680000" },
    { given: 1e21, want: "1000000000000000000000" },
    { given: 1.2345e22, want: "12345000000000000000000" },
    { given: -1e21, want: "-1000000000000000000000" },
    { given: Number.MIN_VALUE, want: `0.${"0".repeat(323)}5` },
    { given: Number.MAX_VALUE, want: `17976931348623157${"0".repeat(292)}` },
  ])("$given is written $want", ({ given, want }) => {
    expect(want).toMatch(NUMERIC_PATTERN);
    expect(Number(want)).toBe(given === 0 ? 0 : given);
    const delay = buildCallbackParams(ACME, { ...CALL_NOW, callbackDelay: given });
    expect(delay.find(([name]) => name === "callback_delay")).toEqual(["callback_delay", want]);
    const expiration = buildCallbackParams(ACME, { callbackType: 2, phone: "1", queueId: "103", expiration: given });
    expect(expiration.find(([name]) => name === "expiration")).toEqual(["expiration", want]);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])("%s is refused before sending (11)", async (given) => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9", ...ACME, fetch });
    for (const input of [
      { ...CALL_NOW, callbackDelay: given },
      { callbackType: 2, phone: "1", queueId: "103", expiration: given },
    ] satisfies CallbackInput[]) {
      expect(await client.requestCallback(input)).toEqual(refusedWith(CTL_ERROR.NOT_NUMERIC));
    }
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("regions come from the document's servers", () => {
  it.each(Object.entries(SERVERS))("%s is %s", (region, url) => {
    expect(createWebCallbackClient({ region: region as keyof typeof SERVERS, ...ACME }).baseUrl).toBe(url);
  });

  it("refuses an unknown region and a base URL that is not absolute", () => {
    expect(() => createWebCallbackClient({ region: "mars" as "na1", ...ACME })).toThrow(RangeError);
    expect(() => createWebCallbackClient({ baseUrl: "/relative", ...ACME })).toThrow(TypeError);
  });
});

describe("local checks stop a request the server would certainly refuse", () => {
  const long = "x".repeat(501);
  it.each([
    { rule: "17 phone missing", input: { ...CALL_NOW, phone: "" }, code: CTL_ERROR.MISSING_PHONE },
    { rule: "17 phone of 16 digits", input: { ...CALL_NOW, phone: "1234567890123456" }, code: CTL_ERROR.MISSING_PHONE },
    { rule: "17 phone with letters", input: { ...CALL_NOW, phone: "call me" }, code: CTL_ERROR.MISSING_PHONE },
    { rule: "10 no callback type", input: { phone: "1", channelNumber: "1" }, code: CTL_ERROR.MISSING_CALLBACK_TYPE },
    { rule: "14 callback type 3", input: { ...CALL_NOW, callbackType: 3 }, code: CTL_ERROR.UNKNOWN_CALLBACK_TYPE },
    { rule: "12 type 1 without channel", input: { callbackType: 1, phone: "1" }, code: CTL_ERROR.MISSING_CHANNEL },
    { rule: "11 delay NaN", input: { ...CALL_NOW, callbackDelay: Number.NaN }, code: CTL_ERROR.NOT_NUMERIC },
    { rule: "11 delay Infinity", input: { ...CALL_NOW, callbackDelay: Number.POSITIVE_INFINITY }, code: CTL_ERROR.NOT_NUMERIC },
    {
      rule: "11 expiration NaN",
      input: { callbackType: 2, phone: "1", queueId: "103", expiration: Number.NaN },
      code: CTL_ERROR.NOT_NUMERIC,
    },
    {
      rule: "11 expiration -Infinity",
      input: { callbackType: 2, phone: "1", queueId: "103", expiration: Number.NEGATIVE_INFINITY },
      code: CTL_ERROR.NOT_NUMERIC,
    },
    {
      rule: "16 extTransactionData of 501",
      input: { ...CALL_NOW, extTransactionData: `[n|${long.slice(4)}]` },
      code: CTL_ERROR.EXT_DATA_TOO_LONG,
    },
    { rule: "101 user data value with ]", input: { ...CALL_NOW, userData: { a: "b]" } }, code: CTL_ERROR.MALFORMED_CTL_USERDATA },
    { rule: "101 user data text malformed", input: { ...CALL_NOW, userData: "[a|b]junk" }, code: CTL_ERROR.MALFORMED_CTL_USERDATA },
    { rule: "101 empty name", input: { ...CALL_NOW, userData: [["", "v"]] }, code: CTL_ERROR.MALFORMED_CTL_USERDATA },
    {
      rule: "102 ext name with |",
      input: { ...CALL_NOW, extTransactionData: { "a|b": "c" } },
      code: CTL_ERROR.MALFORMED_EXT_TRANSACTION_DATA,
    },
    {
      rule: "102 ext text malformed",
      input: { ...CALL_NOW, extTransactionData: "[no-bar]" },
      code: CTL_ERROR.MALFORMED_EXT_TRANSACTION_DATA,
    },
    { rule: "17 before 10 (the server's order)", input: { phone: "" }, code: CTL_ERROR.MISSING_PHONE },
    { rule: "11 before 16", input: { ...CALL_NOW, callbackDelay: Number.NaN, extTransactionData: long }, code: CTL_ERROR.NOT_NUMERIC },
    { rule: "16 before 101", input: { ...CALL_NOW, extTransactionData: long, userData: "junk" }, code: CTL_ERROR.EXT_DATA_TOO_LONG },
  ])("$rule", async ({ input, code }) => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9", ...ACME, fetch });
    const want = { ok: false, ctlError: code, message: CATALOGUE[code].message, httpStatus: CATALOGUE[code].httpStatus };
    expect(checkCallback(input as CallbackInput)).toEqual(want);
    expect(await client.requestCallback(input as CallbackInput)).toEqual(want);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("lets through what only the directory can judge", () => {
    expect(checkCallback({ callbackType: 2, phone: "+1 (650) 555-1212", queueId: "999", expiration: -5 })).toBeUndefined();
    expect(checkCallback({ callbackType: 2, phone: "1", queueId: "103", expiration: 1e21 })).toBeUndefined();
    expect(checkCallback({ ...CALL_NOW, callbackDelay: 1e-7 })).toBeUndefined();
    expect(checkCallback({ ...CALL_NOW, callbackDelay: 0.5, userData: { ctl_callbackUrl: "https://elsewhere.invalid/" } })).toBeUndefined();
  });

  it("checks only codes that need no directory", () => {
    expect(LOCAL_CODES.map((code) => CATALOGUE[code].name)).toEqual([
      "MISSING_PHONE",
      "MISSING_CALLBACK_TYPE",
      "UNKNOWN_CALLBACK_TYPE",
      "MISSING_CHANNEL",
      "NOT_NUMERIC",
      "EXT_DATA_TOO_LONG",
      "MALFORMED_CTL_USERDATA",
      "MALFORMED_EXT_TRANSACTION_DATA",
    ]);
  });
});

/** A fetch that answers every request with `response` and records what it was sent. */
function answering(response: () => Response) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: Request | string | URL, init?: RequestInit) => {
    requests.push(input instanceof Request ? input : new Request(input, init));
    return response();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests, calls: fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });
const redirect = (location: string) => new Response(null, { status: 302, headers: { location, "content-length": "0" } });

const GUID = "0190f3a0-0000-7000-8000-000000000001";
const BACK = "http://127.0.0.1:9/done";

describe("one result for JSON and redirect answers", () => {
  it.each([
    {
      answer: () => json(202, { status: "accepted", interaction_guid: GUID, callback_type: 1 }),
      want: { ok: true, interactionGuid: GUID },
    },
    { answer: () => redirect(BACK), want: { ok: true } },
    { back: `${BACK}?x=1`, answer: () => redirect(`${BACK}?x=1&ctl_interaction_guid=${GUID}`), want: { ok: true, interactionGuid: GUID } },
    { answer: () => json(401, { ctl_error: 3, message: "Invalid authentication token." }), want: refusedWith(3) },
    { answer: () => redirect(`${BACK}?ctl_error=3`), want: refusedWith(3) },
    { back: `${BACK}?ctl_error=1#top`, answer: () => redirect(`${BACK}?ctl_error=1&ctl_error=13#top`), want: refusedWith(13) },
    // back's own ctl_error, returned unchanged: a success, not a refusal.
    { back: `${BACK}?ctl_error=1`, answer: () => redirect(`${BACK}?ctl_error=1`), want: { ok: true } },
    { answer: () => json(503, { ctl_error: 15, message: "Service unavailable." }), want: refusedWith(15) },
  ])("%#", async ({ back = BACK, answer, want }) => {
    const stub = answering(answer);
    const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9", ...ACME, fetch: stub.fetch });
    expect(await client.requestCallback({ ...CALL_NOW, back })).toEqual(want);
    expect(stub.requests[0]?.redirect).toBe("manual");
  });

  it("throws a WebCallbackAnswerError for an answer that is neither", async () => {
    for (const answer of [
      () => new Response("<h1>bad gateway</h1>", { status: 502 }),
      () => redirect("http://x.test/?ctl_error=999"),
      () => redirect("http://x.test/?ctl_error=3"),
    ]) {
      const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9", ...ACME, fetch: answering(answer).fetch });
      await expect(client.requestCallback(CALL_NOW)).rejects.toBeInstanceOf(WebCallbackAnswerError);
    }
  });

  it("says a browser's unreadable redirect may have been accepted, rather than guessing", async () => {
    // What a browser's fetch gives for redirect: "manual" (status 0, no headers); Node cannot build one.
    const opaque = () => {
      const response = new Response(null, { status: 200, headers: { "content-length": "0" } });
      Object.defineProperties(response, { type: { value: "opaqueredirect" }, status: { value: 0 }, ok: { value: false } });
      return response;
    };
    const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9", ...ACME, fetch: answering(opaque).fetch });
    await expect(client.requestCallback({ ...CALL_NOW, back: "http://127.0.0.1:9/done" })).rejects.toThrow(/may be accepted/);
  });

  it("wraps a transport failure with its cause, and sends it once", async () => {
    const cause = new TypeError("fetch failed");
    const fetch = vi.fn(async () => {
      throw cause;
    });
    const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9", ...ACME, fetch });
    const error = await client.requestCallback(CALL_NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebCallbackTransportError);
    expect((error as WebCallbackTransportError).name).toBe("WebCallbackTransportError");
    expect((error as WebCallbackTransportError).cause).toBe(cause);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("sends GET or a form POST as chosen, with X-Request-Id when given", async () => {
    const stub = answering(() => json(202, { status: "accepted", interaction_guid: GUID, callback_type: 1 }));
    const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9/", ...ACME, fetch: stub.fetch, method: "GET" });
    await client.requestCallback(CALL_NOW, { requestId: "req-1" });
    await client.requestCallback(CALL_NOW, { method: "POST" });
    const [get, post] = stub.requests;
    expect(get?.method).toBe("GET");
    expect(get?.url).toBe(client.buildCallbackUrl(CALL_NOW));
    expect(get?.headers.get("x-request-id")).toBe("req-1");
    expect(post?.method).toBe("POST");
    expect(post?.url).toBe("http://127.0.0.1:9/SC/webcallback.php");
    expect(post?.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(await post?.text()).toBe(client.buildCallbackUrl(CALL_NOW).split("?")[1]);
  });
});

/** A redirect as the server writes it: back, then `name=value` before any fragment (core's withCtlError). */
const answer302 =
  (location: string, headers: Record<string, string> = {}) =>
  () =>
    new Response(null, { status: 302, headers: { location, "content-length": "0", ...headers } });

describe("a redirect is the server's answer only when it returns to the back that was sent", () => {
  const ODD = "http://127.0.0.1:9/caf%C3%A9%20menu?q=a%20b&name=Zo%C3%AB";
  it.each([
    { name: "back unchanged", back: BACK, answer: answer302(BACK), want: { ok: true } },
    {
      name: "back with the guid",
      back: BACK,
      answer: answer302(`${BACK}?ctl_interaction_guid=${GUID}`),
      want: { ok: true, interactionGuid: GUID },
    },
    { name: "back with ctl_error", back: BACK, answer: answer302(`${BACK}?ctl_error=17`), want: refusedWith(17) },
    { name: "back ending in ?", back: `${BACK}?`, answer: answer302(`${BACK}?ctl_error=3`), want: refusedWith(3) },
    { name: "back ending in &", back: `${BACK}?a=1&`, answer: answer302(`${BACK}?a=1&ctl_error=3`), want: refusedWith(3) },
    { name: "back with a fragment", back: `${BACK}?a=1#top`, answer: answer302(`${BACK}?a=1&ctl_error=3#top`), want: refusedWith(3) },
    { name: "back trimmed by the server", back: ` ${BACK} `, answer: answer302(`${BACK}?ctl_error=3`), want: refusedWith(3) },
    // The server percent-encodes spaces and non-ASCII characters of back in Location.
    {
      name: "back with spaces and non-ASCII",
      back: "http://127.0.0.1:9/café menu?q=a b&name=Zoë",
      answer: answer302(ODD),
      want: { ok: true },
    },
    {
      name: "encoded back with the guid",
      back: "http://127.0.0.1:9/café menu?q=a b&name=Zoë",
      answer: answer302(`${ODD}&ctl_interaction_guid=${GUID}`),
      want: { ok: true, interactionGuid: GUID },
    },
    { name: "307 to back", back: BACK, answer: () => new Response(null, { status: 307, headers: { location: BACK } }), want: { ok: true } },
  ] as const)("$name", async ({ back, answer, want }) => {
    const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9", ...ACME, fetch: answering(answer).fetch });
    expect(await client.requestCallback({ ...CALL_NOW, back })).toEqual(want);
  });

  it.each([
    { name: "no back sent: a redirect to some page", back: undefined, answer: answer302(BACK), status: 302 },
    {
      name: "no back sent: a proxy's http->https 301",
      back: undefined,
      answer: () => new Response(null, { status: 301, headers: { location: "https://127.0.0.1:9/SC/webcallback.php" } }),
      status: 301,
    },
    {
      name: "back sent: a proxy's http->https 308",
      back: BACK,
      answer: () => new Response(null, { status: 308, headers: { location: "https://127.0.0.1:9/SC/webcallback.php" } }),
      status: 308,
    },
    { name: "back sent: https in place of http", back: BACK, answer: answer302("https://127.0.0.1:9/done"), status: 302 },
    { name: "back sent: another host", back: BACK, answer: answer302("http://elsewhere.test/done"), status: 302 },
    { name: "back sent: another path", back: BACK, answer: answer302("http://127.0.0.1:9/other"), status: 302 },
    { name: "back sent: a parameter the server never adds", back: BACK, answer: answer302(`${BACK}?foo=1`), status: 302 },
    { name: "back sent: ctl_error not last", back: BACK, answer: answer302(`${BACK}?ctl_error=3&foo=1`), status: 302 },
    { name: "back sent: back's query dropped", back: `${BACK}?a=1`, answer: answer302(`${BACK}?ctl_error=3`), status: 302 },
    { name: "back sent: an unknown ctl_error", back: BACK, answer: answer302(`${BACK}?ctl_error=999`), status: 302 },
    { name: "back sent: no Location", back: BACK, answer: () => new Response(null, { status: 302 }), status: 302 },
    { name: "back sent: 304", back: BACK, answer: () => new Response(null, { status: 304 }), status: 304 },
  ] as const)("$name: WebCallbackAnswerError", async ({ back, answer, status }) => {
    const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9", ...ACME, fetch: answering(answer).fetch });
    const error = await client.requestCallback(back === undefined ? CALL_NOW : { ...CALL_NOW, back }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebCallbackAnswerError);
    expect((error as WebCallbackAnswerError).httpStatus).toBe(status);
  });
});

describe("a refusal carries Retry-After when it is a whole number of seconds", () => {
  const limited = (retryAfter?: string) => () =>
    new Response(JSON.stringify({ ctl_error: 106, message: CATALOGUE[106].message }), {
      status: 429,
      headers: { "content-type": "application/json", ...(retryAfter === undefined ? {} : { "retry-after": retryAfter }) },
    });
  it.each([
    { name: "429 of 106, 60 s", answer: limited("60"), want: { ...refusedWith(106), retryAfterSeconds: 60 } },
    { name: "429 of 106, 0 s", answer: limited("0"), want: { ...refusedWith(106), retryAfterSeconds: 0 } },
    { name: "429 of 106, padded", answer: limited(" 30 "), want: { ...refusedWith(106), retryAfterSeconds: 30 } },
    {
      name: "503 of 15, 120 s",
      answer: () =>
        new Response(JSON.stringify({ ctl_error: 15, message: CATALOGUE[15].message }), { status: 503, headers: { "retry-after": "120" } }),
      want: { ...refusedWith(15), retryAfterSeconds: 120 },
    },
    {
      name: "a redirect with ctl_error=106",
      answer: answer302(`${BACK}?ctl_error=106`, { "retry-after": "45" }),
      back: BACK,
      want: { ...refusedWith(106), retryAfterSeconds: 45 },
    },
    { name: "no Retry-After", answer: limited(), want: refusedWith(106) },
    { name: "an HTTP date", answer: limited("Wed, 21 Oct 2015 07:28:00 GMT"), want: refusedWith(106) },
    { name: "a fraction", answer: limited("1.5"), want: refusedWith(106) },
    { name: "negative", answer: limited("-5"), want: refusedWith(106) },
    { name: "beyond a safe integer", answer: limited("99999999999999999999"), want: refusedWith(106) },
    { name: "empty", answer: limited(""), want: refusedWith(106) },
  ])("$name", async ({ answer, want, ...rest }) => {
    const back = "back" in rest ? rest.back : undefined;
    const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9", ...ACME, fetch: answering(answer).fetch });
    const result = await client.requestCallback(back === undefined ? CALL_NOW : { ...CALL_NOW, back });
    expect(result).toStrictEqual(want);
  });
});

describe("an answer that arrived but cannot be read is an answer error, never a transport error", () => {
  const broken =
    (body: ConstructorParameters<typeof Response>[0], headers: Record<string, string> = {}) =>
    () =>
      new Response(body, { status: 202, headers: { "content-type": "application/json", ...headers } });
  const cutOff = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"status":"acc'));
        controller.error(new TypeError("terminated"));
      },
    });
  it.each([
    { name: "202 with text", answer: broken("accepted!") },
    { name: "202 with truncated JSON and its length", answer: broken('{"status":"accepted"', { "content-length": "20" }) },
    { name: "202 with truncated JSON, chunked", answer: broken('{"status":"accepted"') },
    { name: "202 whose body is cut off", answer: broken(cutOff()) },
  ])("$name: WebCallbackAnswerError with httpStatus 202 and the cause", async ({ answer }) => {
    const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9", ...ACME, fetch: answering(answer).fetch });
    const error = await client.requestCallback(CALL_NOW).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebCallbackAnswerError);
    expect(error).not.toBeInstanceOf(WebCallbackTransportError);
    expect((error as WebCallbackAnswerError).httpStatus).toBe(202);
    expect((error as WebCallbackAnswerError).cause).toBeInstanceOf(Error);
  });
});

describe("the error codes come with the client", () => {
  it("CTL_ERROR is core's, from the source and from the published entry (its exports map)", () => {
    expect(CLIENT_CTL_ERROR).toBe(CTL_ERROR);
    expect(published.CTL_ERROR).toBe(CTL_ERROR);
  });
});

function refusedWith(code: keyof typeof CATALOGUE) {
  const entry = CATALOGUE[code];
  return { ok: false, ctlError: code, message: entry.message, httpStatus: entry.httpStatus };
}

// The client without a server: the seed's URL shape, the local checks, and how each kind of
// answer becomes one result (a stub fetch answers as the server would).
import { CATALOGUE, CTL_ERROR, SERVERS } from "@webcallback/core";
import { describe, expect, it, vi } from "vitest";
import {
  buildCallbackParams,
  type CallbackInput,
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
      rule: "11 expiration in exponent form",
      input: { callbackType: 2, phone: "1", queueId: "103", expiration: 1e21 },
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

describe("one result for JSON and redirect answers", () => {
  const GUID = "0190f3a0-0000-7000-8000-000000000001";
  it.each([
    {
      answer: () => json(202, { status: "accepted", interaction_guid: GUID, callback_type: 1 }),
      want: { ok: true, interactionGuid: GUID },
    },
    { answer: () => redirect("http://127.0.0.1:9/done"), want: { ok: true } },
    { answer: () => redirect(`http://127.0.0.1:9/done?x=1&ctl_interaction_guid=${GUID}`), want: { ok: true, interactionGuid: GUID } },
    { answer: () => json(401, { ctl_error: 3, message: "Invalid authentication token." }), want: refusedWith(3) },
    { answer: () => redirect("http://127.0.0.1:9/done?ctl_error=3"), want: refusedWith(3) },
    { answer: () => redirect("http://127.0.0.1:9/done?ctl_error=1&ctl_error=13#top"), want: refusedWith(13) },
    { answer: () => json(503, { ctl_error: 15, message: "Service unavailable." }), want: refusedWith(15) },
  ])("%#", async ({ answer, want }) => {
    const stub = answering(answer);
    const client = createWebCallbackClient({ baseUrl: "http://127.0.0.1:9", ...ACME, fetch: stub.fetch });
    expect(await client.requestCallback({ ...CALL_NOW, back: "http://127.0.0.1:9/done" })).toEqual(want);
    expect(stub.requests[0]?.redirect).toBe("manual");
  });

  it("throws a WebCallbackAnswerError for an answer that is neither", async () => {
    for (const answer of [() => new Response("<h1>bad gateway</h1>", { status: 502 }), () => redirect("http://x.test/?ctl_error=999")]) {
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

function refusedWith(code: keyof typeof CATALOGUE) {
  const entry = CATALOGUE[code];
  return { ok: false, ctlError: code, message: entry.message, httpStatus: entry.httpStatus };
}

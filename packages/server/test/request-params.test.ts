// Query and form parsing: decoding, first-wins, the body winning over the query, and the body limit.
import { once } from "node:events";
import { createServer, type IncomingMessage, request } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import {
  BODY_LIMIT_BYTES,
  type BodyResult,
  DISCARD_BYTES,
  decodeComponent,
  formParams,
  queryParams,
  readBody,
} from "../src/http/request-params.js";

describe("queryParams", () => {
  it.each([
    { name: "plain pairs", given: "tenant=Acme&phone=16505551212", want: { tenant: "Acme", phone: "16505551212" } },
    { name: "+ is a space", given: "tenant=Acme+Corp", want: { tenant: "Acme Corp" } },
    { name: "percent escapes are UTF-8", given: "tenant=%C3%89t%C3%A9", want: { tenant: "Été" } },
    { name: "an encoded + stays a +", given: "phone=%2B16505551212", want: { phone: "+16505551212" } },
    { name: "the first of repeated names wins", given: "token=a&token=b", want: { token: "a" } },
    { name: "a name without = has an empty value", given: "back&tenant=Acme", want: { back: "", tenant: "Acme" } },
    { name: "an encoded name is decoded", given: "%74enant=Acme", want: { tenant: "Acme" } },
    { name: "names are case-sensitive", given: "Tenant=Acme", want: {} },
    { name: "unknown names are dropped", given: "x=1&__proto__=2&constructor=3", want: {} },
    { name: "empty pieces are skipped", given: "&&tenant=Acme&", want: { tenant: "Acme" } },
    { name: "a broken escape stays as written", given: "tenant=100%&phone=%zz1", want: { tenant: "100%", phone: "%zz1" } },
    { name: "= inside a value is kept", given: "back=http://x/?a=b", want: { back: "http://x/?a=b" } },
    { name: "an encoded line break stays for the validator to trim", given: "phone=%0A16505551212", want: { phone: "\n16505551212" } },
    { name: "a line break before a name is trimmed", given: "tenant=Acme&%0Aqueue_id=103", want: { tenant: "Acme", queue_id: "103" } },
  ])("$name", ({ given, want }) => {
    expect({ ...queryParams(given) }).toEqual(want);
  });

  it.each([
    { name: "broken escapes", given: "%=&".repeat(2000) },
    { name: "invalid UTF-8", given: "%C3%28=&".repeat(2000) },
    { name: "long names", given: `${"%41".repeat(5000)}=1` },
  ])("junk names ($name) are skipped without a throwing decode", ({ given }) => {
    const decode = vi.spyOn(globalThis, "decodeURIComponent");
    try {
      expect({ ...queryParams(`${given}&tenant=Acme`) }).toEqual({ tenant: "Acme" });
      // At most a bounded handful of names past ASCII are decoded in full, whatever the count.
      expect(decode.mock.calls.length).toBeLessThanOrEqual(16);
    } finally {
      decode.mockRestore();
    }
  });

  it.each([
    { name: "an escaped name", given: "%70hone=1", want: { phone: "1" } },
    { name: "a no-break space before a name", given: "%C2%A0phone=1", want: { phone: "1" } },
    { name: "a + before a name", given: "+phone=1", want: { phone: "1" } },
    { name: "a broken escape in a name", given: "ph%one=1", want: {} },
    { name: "a name of escaped letters only", given: "%74%6F%6B%65%6E=t", want: { token: "t" } },
  ])("names: $name", ({ given, want }) => {
    expect({ ...queryParams(given) }).toEqual(want);
  });

  it.each([
    { name: "lower-case hex in a name", given: "t%6fken=t", want: { token: "t" } },
    { name: "upper-case hex in a name", given: "t%6Fken=t", want: { token: "t" } },
    { name: "digits and letters A-F only are hex: %/0", given: "%/0phone=1", want: {} },
    { name: "digits and letters A-F only are hex: %:0", given: "%:0phone=1", want: {} },
    { name: "digits and letters A-F only are hex: %@0", given: "%@0phone=1", want: {} },
    { name: "digits and letters A-F only are hex: %G0", given: "%G0phone=1", want: {} },
    { name: "digits and letters A-F only are hex: %`0", given: "%`0phone=1", want: {} },
    { name: "digits and letters A-F only are hex: %g0", given: "%g0phone=1", want: {} },
    { name: "an escape cut off at the end of a name", given: "phone%2=1", want: {} },
    { name: "the shortest name, exactly", given: "back=http://x/", want: { back: "http://x/" } },
    { name: "a raw no-break space before a name", given: "\u00a0phone=1", want: { phone: "1" } },
    { name: "a raw emoji in a name", given: "ph\u{1F600}one=1", want: {} },
    { name: "an escaped tab around a name", given: "%09phone%09=1", want: { phone: "1" } },
    // Characters that are no hex digit, right beside the ones that are, break the escape.
    { name: "@ is no hex digit (%0@ would be a tab)", given: "%0@phone=1", want: {} },
    { name: "w is no hex digit (%0w would be a space)", given: "%0wphone=1", want: {} },
    { name: "g is no hex digit (%6g would be an a)", given: "b%6gck=1", want: {} },
    { name: "a + inside a name is a space, so it splits the name", given: "ph+one=1", want: {} },
    {
      name: "a name without = among named ones keeps its empty value",
      given: "phone&tenant=Acme&token",
      want: { phone: "", tenant: "Acme", token: "" },
    },
    { name: "= found once, after several names without it", given: "a&b&c&phone=1&tenant", want: { phone: "1", tenant: "" } },
  ])("names: $name", ({ given, want }) => {
    expect({ ...queryParams(given) }).toEqual(want);
  });

  it("a name padded with escaped spaces is found up to the longest raw name, then skipped unread", () => {
    // The longest API name is 18 characters; up to 16 characters of padding, each escaped, are read.
    const padded = (spaces: number) => `${"%20".repeat(spaces)}phone=1`;
    expect({ ...queryParams(padded(32)) }).toEqual({ phone: "1" });
    expect({ ...queryParams(padded(33)) }).toEqual({});
  });

  it("the longest name, every character escaped, with 16 escaped spaces is still read", () => {
    const escaped = [..."extTransactionData"].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("");
    const raw = `${"%20".repeat(16)}${escaped}`;
    expect(raw).toHaveLength(102);
    expect({ ...queryParams(`${raw}=[a|b]`) }).toEqual({ extTransactionData: "[a|b]" });
    expect({ ...queryParams(`%20${raw}=[a|b]`) }).toEqual({});
  });

  // After 17 names of one kind (one more than the budget), a name led by an escaped no-break space (past ASCII) is read
  // only if they left the budget.
  it.each([
    { name: "plain ASCII names", given: "xxxx=1&", spends: false },
    { name: "names with escaped ASCII digits", given: "%78xxx=1&", spends: false },
    { name: "names with escaped ASCII in lower-case hex", given: "%6fxxx=1&", spends: false },
    { name: "names too short for any API name", given: "\u00e9=1&", spends: false },
    { name: "names with a broken escape before bytes past ASCII", given: "%zz%C3%A9x=1&", spends: false },
    { name: "names with raw characters past ASCII", given: "\u00e9xxx=1&", spends: true },
    { name: "names with the raw character U+0080", given: "\u0080xxx=1&", spends: true },
    { name: "names with the escaped byte 0x80", given: "%80xxx=1&", spends: true },
    { name: "names with an escaped NUL before bytes past ASCII", given: "%00%C3%A9x=1&", spends: true },
  ])("the budget of names past ASCII: $name spend it: $spends", ({ given, spends }) => {
    expect({ ...queryParams(`${given.repeat(17)}%C2%A0phone=1`) }).toEqual(spends ? {} : { phone: "1" });
  });

  it("reads at most 16 names past ASCII in one list, then skips the rest", () => {
    const junk = (count: number) => "%C3%A9x=1&".repeat(count);
    expect({ ...queryParams(`${junk(15)}%C2%A0phone=1`) }).toEqual({ phone: "1" });
    expect({ ...queryParams(`${junk(16)}%C2%A0phone=1`) }).toEqual({});
    // The budget is per list: the next one starts afresh.
    expect({ ...queryParams("%C2%A0phone=1") }).toEqual({ phone: "1" });
  });

  it("never writes a name outside the API's, so nothing reaches Object.prototype", () => {
    const params = queryParams("__proto__=1&__proto__[polluted]=1&constructor=2&toString=3");
    expect(Object.keys(params)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("formParams", () => {
  it.each([
    { name: "the body alone", body: "tenant=Acme", query: "", want: { tenant: "Acme" } },
    { name: "the query is merged in", body: "tenant=Acme", query: "phone=1", want: { tenant: "Acme", phone: "1" } },
    { name: "the body wins on a clash", body: "token=body", query: "token=query", want: { token: "body" } },
    { name: "the body wins even when empty", body: "phone=", query: "phone=1", want: { phone: "" } },
    { name: "first wins within the query", body: "", query: "phone=1&phone=2", want: { phone: "1" } },
  ])("$name", ({ body, query, want }) => {
    expect({ ...formParams(body, query) }).toEqual(want);
  });
});

describe("decodeComponent", () => {
  it("passes text without escapes through unchanged", () => {
    const text = "16505551212";
    expect(decodeComponent(text)).toBe(text);
  });

  it.each([
    { given: "+1", want: " 1" },
    { given: "1+2", want: "1 2" },
    { given: "a+b+c", want: "a b c" },
    { given: "%2B1+2", want: "+1 2" },
  ])("every + is a space: $given -> '$want'", ({ given, want }) => {
    expect(decodeComponent(given)).toBe(want);
  });
});

/** Posts `chunks` (chunked when no length is given) to a server that reads with readBody. */
async function bodyOf(chunks: readonly Buffer[], headers: Record<string, string>, keep = true): Promise<BodyResult> {
  let result: Promise<BodyResult> | undefined;
  const server = createServer((req: IncomingMessage, res) => {
    result = readBody(req, BODY_LIMIT_BYTES, keep);
    void result.then(() => {
      res.setHeader("connection", "close");
      res.end("done");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  try {
    await new Promise<void>((resolve) => {
      const req = request({ host: "127.0.0.1", port, method: "POST", path: "/", headers }, (res) => {
        res.resume();
        res.on("end", resolve);
      });
      req.on("error", () => resolve());
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  } finally {
    server.close();
  }
  if (result === undefined) throw new Error("no request reached the server");
  return result;
}

/** A request that the test feeds by hand: readBody reads only its headers and its stream. */
function handFed(headers: Record<string, string> = {}): PassThrough & IncomingMessage {
  return Object.assign(new PassThrough(), { headers }) as unknown as PassThrough & IncomingMessage;
}

/** The result once the events so far are handled, or "pending". */
async function soFar(result: Promise<BodyResult>): Promise<BodyResult | "pending"> {
  return Promise.race([result, new Promise<"pending">((resolve) => setTimeout(() => resolve("pending"), 20))]);
}

describe("readBody", () => {
  const kib = (n: number) => Buffer.alloc(n * 1024, "a");
  const LIMIT = 10;

  it("answers a declared empty body at once, without waiting for its end", async () => {
    expect(await soFar(readBody(handFed({ "content-length": "0" }), LIMIT, true))).toEqual({ kind: "ok", text: "" });
  });

  it.each([
    { name: "one chunk", chunks: ["a=1"], want: "a=1" },
    { name: "two chunks", chunks: ["a=1", "&b=2"], want: "a=1&b=2" },
    { name: "three chunks, in order", chunks: ["a=", "1&", "b=2"], want: "a=1&b=2" },
    { name: "no chunk", chunks: [], want: "" },
  ])("keeps $name", async ({ chunks, want }) => {
    const req = handFed();
    const result = readBody(req, LIMIT, true);
    for (const chunk of chunks) {
      req.write(chunk);
      expect(await soFar(result)).toBe("pending");
    }
    req.end();
    expect(await result).toEqual({ kind: "ok", text: want });
  });

  it("stops reading and refuses at once past the limit and what is discarded, before the end", async () => {
    const req = handFed();
    const result = readBody(req, LIMIT, true);
    req.write(Buffer.alloc(LIMIT + DISCARD_BYTES + 1));
    expect(await soFar(result)).toEqual({ kind: "too-large" });
    expect(req.isPaused()).toBe(true);
  });

  it("reads up to the limit and what is discarded to the end, then refuses", async () => {
    const req = handFed();
    const result = readBody(req, LIMIT, true);
    req.write(Buffer.alloc(LIMIT + DISCARD_BYTES));
    expect(await soFar(result)).toBe("pending");
    req.end();
    expect(await result).toEqual({ kind: "too-large" });
  });

  it("waits for a body declared at exactly the limit and what is discarded", async () => {
    const req = handFed({ "content-length": String(LIMIT + DISCARD_BYTES) });
    const result = readBody(req, LIMIT, true);
    expect(await soFar(result)).toBe("pending");
    req.end(Buffer.alloc(LIMIT + 1));
    expect(await result).toEqual({ kind: "too-large" });
  });

  it("answers aborted when the stream fails", async () => {
    const req = handFed();
    const result = readBody(req, LIMIT, true);
    req.write("a=1");
    req.destroy(new Error("client went away"));
    expect(await result).toEqual({ kind: "aborted" });
  });

  it("reads a body up to the limit", async () => {
    const result = await bodyOf([kib(64)], { "content-length": String(64 * 1024) });
    expect(result.kind).toBe("ok");
    expect(result.kind === "ok" && result.text.length).toBe(64 * 1024);
  });

  it("refuses a body one byte over the limit, having read it to the end", async () => {
    expect(await bodyOf([kib(64), Buffer.from("x")], { "content-length": String(64 * 1024 + 1) })).toEqual({ kind: "too-large" });
  });

  it("refuses a declared length far over the limit before reading a byte", async () => {
    expect(await bodyOf([Buffer.from("x")], { "content-length": String(BODY_LIMIT_BYTES + DISCARD_BYTES + 1) })).toEqual({
      kind: "too-large",
    });
  });

  it.each([
    { name: "a little over the limit", chunks: [kib(40), kib(40)] },
    { name: "past what is discarded", chunks: Array.from({ length: 20 }, () => kib(64)) },
  ])("refuses a chunked body $name", async ({ chunks }) => {
    expect(await bodyOf(chunks, { "transfer-encoding": "chunked" })).toEqual({ kind: "too-large" });
  });

  it("only counts when the body will be refused anyway", async () => {
    expect(await bodyOf([kib(1)], { "transfer-encoding": "chunked" }, false)).toEqual({ kind: "ok", text: "" });
  });
});

// The partner mock answers like the service wherever no state is needed, and serves the
// document's examples (a named one on request) for everything else.
import { gzipSync } from "node:zlib";
import { ERROR_EXAMPLES, REQUEST_EXAMPLES } from "@webcallback/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleDirectory, type MockServer, startMock, startValidationProxy } from "../src/index.js";

let mock: MockServer;
const ENDPOINT = "/SC/webcallback.php";

beforeAll(async () => {
  mock = await startMock({ port: 0 });
  await mock.ready;
}, 60_000);

afterAll(async () => {
  await mock.close();
});

type Params = Record<string, string>;

async function get(params: Params, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${mock.url}${ENDPOINT}?${new URLSearchParams(params)}`, { redirect: "manual", headers });
}

async function post(params: Params, headers: Record<string, string> = {}, query = ""): Promise<Response> {
  return fetch(`${mock.url}${ENDPOINT}${query}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(params).toString(),
  });
}

const seed = Object.entries(REQUEST_EXAMPLES).map(([name, example]) => [name, example.value as Params] as const);
const one = {
  tenant: "Acme",
  token: "fb65d0515b9631c6db72e7e66fe6df49",
  phone: "16505551212",
  callback_type: "1",
  channel_number: "18006661212",
};

describe("the seed's four example URLs", () => {
  for (const [name, params] of seed) {
    for (const send of [get, post]) {
      it(`${name} by ${send.name.toUpperCase()} redirects to back unchanged`, async () => {
        const answer = await send(params);
        expect(answer.status).toBe(302);
        expect(answer.headers.get("location")).toBe(params.back);
        expect(answer.headers.get("cache-control")).toBe("no-store");
      });
    }
  }
});

describe("stateless checks decide the code", () => {
  const cases: { name: string; params: Params; code: number; status: number }[] = [
    { name: "a missing phone", params: { ...one, phone: "" }, code: 17, status: 400 },
    { name: "a malformed pair list", params: { ...one, ctl_userdata: "[a|b]junk" }, code: 101, status: 400 },
    { name: "a disabled tenant", params: { ...one, tenant: "Initech", token: "fedcba9876543210fedcba9876543210" }, code: 1, status: 403 },
    { name: "a missing token", params: { ...one, token: "" }, code: 3, status: 401 },
    { name: "a disabled queue", params: { ...one, callback_type: "2", queue_id: "104" }, code: 8, status: 409 },
    { name: "an unknown channel", params: { ...one, channel_number: "19999999999" }, code: 13, status: 400 },
  ];
  for (const { name, params, code, status } of cases) {
    it(`${name} gets ${code} (${status}) by GET and by POST`, async () => {
      for (const answer of [await get(params), await post(params)]) {
        expect(answer.status).toBe(status);
        expect(((await answer.json()) as { ctl_error: number }).ctl_error).toBe(code);
      }
    });
  }

  it("an allowed back gets the 302 with ctl_error", async () => {
    const answer = await get({ ...one, phone: "", back: "http://www.acmejet.com/done?x=1" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("http://www.acmejet.com/done?x=1&ctl_error=17");
  });

  it("a back the tenant does not allow is 104 in JSON, never a redirect", async () => {
    const answer = await get({ ...one, back: "http://evil.invalid/" });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { ctl_error: number }).ctl_error).toBe(104);
  });

  it("every error example with an x-request gets its own code", async () => {
    for (const example of ERROR_EXAMPLES) {
      if (example.request === null) continue;
      const answer = await get(example.request as Params);
      expect(((await answer.json()) as { ctl_error: number }).ctl_error, `Error${example.code}`).toBe(example.code);
    }
  });
});

describe("Prism serves the document", () => {
  it("a type-2 request gets the type-2 example", async () => {
    const answer = await get({ ...one, callback_type: "2", queue_id: "103" });
    expect(answer.status).toBe(202);
    expect(await answer.json()).toMatchObject({ status: "accepted", callback_type: 2, queue_id: "103" });
  });

  it("Prefer: example=… picks a named example", async () => {
    const answer = await post(one, { prefer: "example=whenAgentAvailable" });
    expect(answer.status).toBe(202);
    expect(await answer.json()).toMatchObject({ callback_type: 2 });
  });

  it("an unknown path is Prism's 404", async () => {
    const answer = await fetch(`${mock.url}/nowhere`);
    expect(answer.status).toBe(404);
  });
});

describe("the request as the service reads it (CONTRACT.md §1, §2)", () => {
  it("a POST with its parameters in the query is merged, not refused", async () => {
    const { token, tenant, ...rest } = one;
    const answer = await post(rest, {}, `?tenant=${tenant}&token=${token}`);
    expect(answer.status).toBe(202);
    expect(answer.headers.get("sl-violations")).toBeNull();
  });

  it("a POST without a body or Content-Type, everything in the query, is accepted", async () => {
    const answer = await fetch(`${mock.url}${ENDPOINT}?${new URLSearchParams(one)}`, { method: "POST" });
    expect(answer.status).toBe(202);
  });

  it.each([
    {
      name: "a form in a charset the service does not read",
      headers: { "content-type": "application/x-www-form-urlencoded; charset=latin1" },
    },
    { name: "a compressed form", headers: { "content-encoding": "gzip" } },
    { name: "JSON", headers: { "content-type": "application/json" } },
  ])("$name gets 415 (ctl_error 108), as the service answers", async ({ headers }) => {
    const answer = await post(one, headers);
    expect(answer.status).toBe(415);
    expect(await answer.json()).toMatchObject({ ctl_error: 108 });
  });

  it("a body of exactly the text too-large is read like any other body", async () => {
    const answer = await fetch(`${mock.url}${ENDPOINT}?${new URLSearchParams(one)}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "too-large",
    });
    expect(answer.status).toBe(202);
  });

  it("a method the endpoint does not take gets 405 with Allow, as the service answers", async () => {
    const answer = await fetch(`${mock.url}${ENDPOINT}`, { method: "PUT", body: "x" });
    expect(answer.status).toBe(405);
    expect(answer.headers.get("allow")).toBe("GET, POST, OPTIONS");
    expect(await answer.json()).toEqual({ error: "method not allowed" });
  });

  it("the body wins on a clash with the query", async () => {
    expect((await post(one, {}, "?phone=x")).status).toBe(202);
    const refused = await post({ ...one, phone: "x" }, {}, `?phone=${one.phone}`);
    expect(await refused.json()).toMatchObject({ ctl_error: 17 });
  });

  it("values are trimmed before the 500-character limit", async () => {
    const pairs = `[n|${"x".repeat(496)}]`;
    expect((await get({ ...one, extTransactionData: `  ${pairs}\n ` })).status).toBe(202);
    const over = await get({ ...one, extTransactionData: ` [n|${"x".repeat(497)}] ` });
    expect(await over.json()).toMatchObject({ ctl_error: 16 });
  });

  it.each([
    { name: "an error", params: { ...one, token: "bad" }, status: 401, text: "Error code 3." },
    { name: "a back the tenant does not allow", params: { ...one, back: "http://evil.example/" }, status: 400, text: "Error code 104." },
    { name: "an accepted request", params: one, status: 202, text: 'role="status"' },
  ])("a browser navigation gets the HTML page: $name", async ({ params, status, text }) => {
    const answer = await get(params, { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" });
    expect(answer.status).toBe(status);
    expect(answer.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await answer.text()).toContain(text);
  });

  it("a back with spaces and non-ASCII characters is percent-encoded in Location", async () => {
    const answer = await get({ ...one, back: "http://localhost:1/€ café" });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("http://localhost:1/%E2%82%AC%20caf%C3%A9");
  });
});

describe("headers as the service sends them", () => {
  it("echoes a safe X-Request-Id, makes one for a missing or unsafe one, and names utf-8 on JSON", async () => {
    const echoed = await get(one, { "x-request-id": "partner-42" });
    expect(echoed.headers.get("x-request-id")).toBe("partner-42");
    expect(echoed.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const made = await get({ ...one, token: "bad" }, { "x-request-id": "no spaces allowed" });
    expect(made.headers.get("x-request-id")).toMatch(/^mock-[0-9a-z]+$/);
    expect(made.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });
});

describe("CORS as the service does it (the document's CORS section)", () => {
  it.each([
    { origin: "http://localhost:5173", allowed: true },
    { origin: "http://127.0.0.1:8000", allowed: true },
    { origin: "http://evil.invalid", allowed: false },
    { origin: "null", allowed: false },
  ])("$origin: allowed $allowed, on the answer and on the preflight", async ({ origin, allowed }) => {
    const answer = await get(one, { origin });
    expect(answer.status).toBe(202);
    expect(answer.headers.get("access-control-allow-origin")).toBe(allowed ? origin : null);
    expect(answer.headers.get("access-control-expose-headers")).toBe(allowed ? "Retry-After, X-Request-Id" : null);
    expect(answer.headers.get("vary")).toBe("Origin");
    const preflight = await fetch(`${mock.url}${ENDPOINT}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("allow")).toBe("GET, POST, OPTIONS");
    expect(preflight.headers.get("access-control-allow-origin")).toBe(allowed ? origin : null);
    expect(preflight.headers.get("access-control-allow-methods")).toBe(allowed ? "GET, POST" : null);
  });

  it("an error answer carries them too", async () => {
    const answer = await get({ ...one, token: "bad" }, { origin: "http://localhost:3000" });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
  });
});

describe("the validation proxy checks the request the service reads", () => {
  it("reports nothing for a POST with its parameters partly in the query, or a padded value; the request goes upstream as sent", async () => {
    const proxy = await startValidationProxy({ upstream: mock.url, port: 0 });
    try {
      const { token, tenant, ...rest } = one;
      const merged = await fetch(`${proxy.url}${ENDPOINT}?tenant=${tenant}&token=${token}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(rest).toString(),
      });
      expect(merged.status).toBe(202);
      expect(merged.headers.get("sl-violations")).toBeNull();
      const padded = await fetch(
        `${proxy.url}${ENDPOINT}?${new URLSearchParams({ ...one, extTransactionData: ` [n|${"x".repeat(496)}] ` })}`,
      );
      expect(padded.status).toBe(202);
      expect(padded.headers.get("sl-violations")).toBeNull();
      const json = await fetch(`${proxy.url}${ENDPOINT}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(one),
      });
      expect(json.status).toBe(415);
      expect(json.headers.get("sl-violations")).toContain("request");
    } finally {
      await proxy.close();
    }
  });

  it("passes a compressed form upstream compressed, bytes and Content-Encoding as sent: 415 as the service answers", async () => {
    const proxy = await startValidationProxy({ upstream: mock.url, port: 0 });
    try {
      const form = new URLSearchParams(one).toString();
      const direct = await post(one, { "content-encoding": "gzip" });
      for (const body of [form, gzipSync(form)]) {
        const answer = await fetch(`${proxy.url}${ENDPOINT}`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", "content-encoding": "gzip" },
          body,
        });
        expect(answer.status).toBe(direct.status);
        expect(await answer.json()).toMatchObject({ ctl_error: 108 });
      }
    } finally {
      await proxy.close();
    }
  });
});

describe("exampleDirectory", () => {
  it("reads tenants, their state and their resources from the document's examples", () => {
    const directory = exampleDirectory({ dialplan_id: "1" });
    const acme = directory.tenant("Acme");
    expect(acme?.enabled).toBe(true);
    expect(acme?.tokenMatches("fb65d0515b9631c6db72e7e66fe6df49")).toBe(true);
    expect(acme?.tokenMatches("not-the-token")).toBe(false);
    expect(acme?.queue("103")).toMatchObject({ enabled: true, direction: "outbound" });
    expect(acme?.queue("104")).toMatchObject({ enabled: false });
    expect(acme?.queue("105")).toMatchObject({ direction: "inbound" });
    expect(acme?.queue("999")).toBeUndefined();
    expect(acme?.channel("19999999999")).toBeUndefined();
    expect(acme?.hasDialPlan("1")).toBe(true);
    expect(acme?.hasDialPlan("77")).toBe(false);
    expect(directory.tenant("Initech")?.enabled).toBe(false);
    expect(directory.tenant("Globex")?.webCallbackEnabled).toBe(false);
    expect(directory.tenant("Nobody")).toBeUndefined();
  });
});

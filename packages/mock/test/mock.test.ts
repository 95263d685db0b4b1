// The partner mock answers like the service wherever no state is needed, and serves the
// document's examples (a named one on request) for everything else.
import { ERROR_EXAMPLES, REQUEST_EXAMPLES } from "@webcallback/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleDirectory, type MockServer, startMock } from "../src/index.js";

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

  it("a request that breaks the document gets Prism's 4xx with sl-violations (token only in a POST's query)", async () => {
    const { token, ...rest } = one;
    const answer = await post(rest, {}, `?token=${token}`);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(answer.headers.get("sl-violations")).toContain("token");
  });

  it("an unknown path is Prism's 404", async () => {
    const answer = await fetch(`${mock.url}/nowhere`);
    expect(answer.status).toBe(404);
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

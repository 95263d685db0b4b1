// The visitor's side of the server (CONTRACT.md §2): a tenant that opts in to redirectWithGuid
// gets the guid appended to back; a browser navigation that cannot be redirected gets an HTML
// page with the same status; every other client still gets JSON; CORS lets the client's headers through.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createWebCallbackClient } from "@webcallback/client";
import { CATALOGUE } from "@webcallback/core";
import { hashToken } from "@webcallback/server/token-hash";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT, LOOPBACK_BACK, send } from "./support/callback-client.ts";
import { type ServerProcess, startServer } from "./support/server-process.ts";

const ACME = { tenant: "Acme", token: "fb65d0515b9631c6db72e7e66fe6df49" } as const;
const OPTED = { tenant: "Opted", token: "opted-token-0123456789" } as const;
const CALL_NOW = { ...ACME, phone: "16505551212", callback_type: "1", channel_number: "18006661212" } as const;
/** What Chromium sends for a navigation (a link, a submitted form). */
const NAVIGATION = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

let dir: string;
let demo: ServerProcess;
let opted: ServerProcess;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "wc-browser-answers-"));
  const config = join(dir, "tenants.json");
  await writeFile(
    config,
    JSON.stringify({
      tenants: {
        [OPTED.tenant]: {
          tokens: [hashToken(OPTED.token)],
          channels: { "18006661212": {} },
          allowedBackOrigins: ["http://127.0.0.1:*"],
          redirectWithGuid: true,
        },
      },
    }),
  );
  [demo, opted] = await Promise.all([startServer(), startServer({ args: ["--config", config] })]);
});

afterAll(async () => {
  await Promise.all([demo?.stop(), opted?.stop()]);
  await rm(dir, { recursive: true, force: true });
});

describe("redirectWithGuid", () => {
  it("is off for the demo tenants: back comes back unchanged", async () => {
    const answer = await send(demo.url, { ...CALL_NOW, back: `${LOOPBACK_BACK}?x=1` });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`${LOOPBACK_BACK}?x=1`);
  });

  it("adds ctl_interaction_guid to back for a tenant that opts in, on success only", async () => {
    const params = { ...CALL_NOW, ...OPTED, back: `${LOOPBACK_BACK}?x=1#top` };
    const accepted = await send(opted.url, params);
    expect(accepted.status).toBe(302);
    expect(accepted.location).toMatch(new RegExp(`^${LOOPBACK_BACK}\\?x=1&ctl_interaction_guid=${UUID}#top$`));
    const refused = await send(opted.url, { ...params, channel_number: "19999999999" });
    expect(refused.location).toBe(`${LOOPBACK_BACK}?x=1&ctl_error=13#top`);
  });

  it("gives the client the guid in redirect mode as in JSON mode", async () => {
    const client = createWebCallbackClient({ baseUrl: opted.url, ...OPTED });
    const input = { callbackType: 1, phone: "16505551212", channelNumber: "18006661212" } as const;
    const byRedirect = await client.requestCallback({ ...input, back: LOOPBACK_BACK });
    const inJson = await client.requestCallback(input);
    expect(byRedirect).toEqual({ ok: true, interactionGuid: expect.stringMatching(new RegExp(`^${UUID}$`)) });
    expect(inJson).toEqual({ ok: true, interactionGuid: expect.stringMatching(new RegExp(`^${UUID}$`)) });
  });
});

describe("a browser navigation that cannot be redirected gets an HTML page", () => {
  it.each([
    { name: "unknown tenant", params: { ...CALL_NOW, tenant: "Nobody", back: LOOPBACK_BACK }, code: 1 },
    { name: "back not allowed", params: { ...CALL_NOW, back: "http://evil.invalid/" }, code: 104 },
    { name: "no back, wrong token", params: { ...CALL_NOW, token: "wrong" }, code: 3 },
  ] as const)("$name: ctl_error $code", async ({ params, code }) => {
    for (const method of ["GET", "POST"] as const) {
      const page = await send(demo.url, params, { method, headers: { accept: NAVIGATION } });
      expect(page.status).toBe(CATALOGUE[code].httpStatus);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(page.headers.get("cache-control")).toBe("no-store");
      expect(page.text).toContain(CATALOGUE[code].message.replace(/'/g, "&#39;"));
      expect(page.text).toContain(`Error code ${code}.`);
      // Every other client still gets JSON.
      const json = await send(demo.url, params, { method, headers: { accept: "*/*" } });
      expect(json.status).toBe(page.status);
      expect(json.json).toEqual({ ctl_error: code, message: CATALOGUE[code].message });
    }
  });

  it("an accepted request without back: 202 and a page with the guid", async () => {
    const page = await send(demo.url, CALL_NOW, { headers: { accept: NAVIGATION } });
    expect(page.status).toBe(202);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(page.text).toMatch(new RegExp(`<code>${UUID}</code>`));
  });

  it("a redirect stays a redirect", async () => {
    const answer = await send(demo.url, { ...CALL_NOW, token: "wrong", back: LOOPBACK_BACK }, { headers: { accept: NAVIGATION } });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`${LOOPBACK_BACK}?ctl_error=3`);
  });
});

describe("CORS lets the client's headers through", () => {
  it("a preflight for X-Request-Id from an allowed origin", async () => {
    const preflight = await fetch(`${demo.url}${ENDPOINT}`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "x-request-id",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase().split(/,\s*/)).toContain("x-request-id");
  });
});

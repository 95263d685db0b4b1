// Defect 3 of the hostile probe and its companions: rate limits keep a constant cost and a
// bounded size at any number of keys; per-phone limits count the number that would be
// dialled; an address that keeps failing the token check is refused with 106 at step 4.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CTL_ERROR, ENDPOINT_PATH } from "@webcallback/core";
import { FailedAuthLimiter, hashToken, RateLimiter } from "@webcallback/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServer } from "../support/server-process.ts";

describe("the rate limiter at scale", () => {
  it("holds at most maxWindows windows however many keys arrive, and still limits the live ones", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now, 1_000);
    const limits = { perPhone: { limit: 1, windowSeconds: 3600 } };
    for (let i = 0; i < 150_000; i++) {
      limiter.check("Acme", limits, String(10_000_000_000 + i), () => "a");
      now += 1;
    }
    expect(limiter.size).toBe(1_000);
    // The newest key is still within its window: refused.
    expect(limiter.check("Acme", limits, String(10_000_000_000 + 149_999), () => "a")).toBeGreaterThan(0);
  });

  it("drops ended windows as time passes, without a sweep", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    const limits = { perPhone: { limit: 5, windowSeconds: 1 } };
    for (let i = 0; i < 120_000; i++) {
      limiter.check("Acme", limits, String(i), () => "a");
      now += 0.1;
    }
    // Every window lasts 1000 ms, and keys arrived 10 per ms: about 10 000 are live.
    expect(limiter.size).toBeLessThanOrEqual(10_001);
  });

  it("the failed-authentication limiter is bounded the same way", () => {
    const limiter = new FailedAuthLimiter({ limit: 20, windowSeconds: 600 }, () => 0, 500);
    for (let i = 0; i < 10_000; i++) limiter.failed(`10.0.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBe(500);
  });
});

const CONFIG = `
failedAuthLimit: { limit: 3, windowSeconds: 600 }
tenants:
  Acme:
    tokens: [${hashToken("acme-token")}]
    channels: { "18006661212": {} }
    dialPlans: { "0": { rules: [{ length: 12, startsWith: "0", strip: 1 }] } }
    defaultDialPlan: "0"
    rateLimit: { perPhone: { limit: 1, windowSeconds: 3600 } }
  Open:
    tokens: [${hashToken("open-token")}]
    channels: { "18006661212": {} }
`;

interface Answer {
  readonly status: number;
  readonly body: { ctl_error?: number };
  readonly retryAfter: string | undefined;
}

/** A GET from a chosen loopback address (127.0.0.x), so the test can be several clients. */
function get(server: ServerProcess, query: Record<string, string>, from = "127.0.0.1"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${ENDPOINT_PATH}?${new URLSearchParams(query)}`, { localAddress: from, agent: false }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => {
        text += chunk.toString();
      });
      res.on("end", () => {
        const retryAfter = res.headers["retry-after"];
        resolve({
          status: res.statusCode ?? 0,
          body: JSON.parse(text),
          retryAfter: typeof retryAfter === "string" ? retryAfter : undefined,
        });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("limits over HTTP", () => {
  let server: ServerProcess;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "wc-hostile-limits-"));
    await writeFile(join(dir, "config.yaml"), CONFIG);
    server = await startServer({ args: ["--config", join(dir, "config.yaml"), "--log-level", "warn"] });
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });

  const call = (tenant: string, token: string, phone: string) => ({
    tenant,
    token,
    phone,
    callback_type: "1",
    channel_number: "18006661212",
  });

  it("counts two spellings of one dialled number as one phone", async () => {
    expect((await get(server, call("Acme", "acme-token", "16505551212"))).status).toBe(202);
    const second = await get(server, call("Acme", "acme-token", "016505551212"));
    expect(second.body.ctl_error).toBe(CTL_ERROR.RATE_LIMITED);
    expect(second.status).toBe(429);
  });

  it("refuses an address with 106 at the token step once it failed the token check more often than allowed, even with the right token", async () => {
    const from = "127.0.0.7";
    // The limit allows 3 failures: the 4th attempt is still checked, and fails.
    for (let i = 0; i < 4; i++) expect((await get(server, call("Open", `guess-${i}`, "15550000001"), from)).body.ctl_error).toBe(3);
    const blocked = await get(server, call("Open", "open-token", "15550000001"), from);
    expect(blocked.status).toBe(429);
    expect(blocked.body.ctl_error).toBe(CTL_ERROR.RATE_LIMITED);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(500);
    // Another address is not affected; a tenant check still comes first.
    expect((await get(server, call("Open", "open-token", "15550000002"), "127.0.0.8")).status).toBe(202);
    expect((await get(server, call("Nobody", "x", "15550000003"), from)).body.ctl_error).toBe(CTL_ERROR.TENANT_NOT_ENABLED);
  });
});

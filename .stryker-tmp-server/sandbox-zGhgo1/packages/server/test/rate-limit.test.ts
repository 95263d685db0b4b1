// @ts-nocheck
// The in-memory rate limiter, on a clock the test moves.
import { describe, expect, it } from "vitest";
import type { TenantRateLimit } from "../src/config/schema.js";
import { RateLimiter } from "../src/rate-limit.js";

function limiterAt(start = 1_000_000): { limiter: RateLimiter; advance: (ms: number) => void } {
  let now = start;
  return { limiter: new RateLimiter(() => now), advance: (ms) => (now += ms) };
}

const client = (address: string) => () => address;

describe("RateLimiter", () => {
  const perPhone: TenantRateLimit = { perPhone: { limit: 2, windowSeconds: 10 } };
  const perClient: TenantRateLimit = { perClient: { limit: 3, windowSeconds: 5 } };

  it("lets everything through without limits", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 100; i++) expect(limiter.check("Acme", undefined, "1", client("a"))).toBeUndefined();
    expect(limiter.size).toBe(0);
  });

  it("refuses the request past the limit with the seconds left in the window, then lets it through again", () => {
    const { limiter, advance } = limiterAt();
    expect(limiter.check("Acme", perPhone, "1", client("a"))).toBeUndefined();
    advance(1000);
    expect(limiter.check("Acme", perPhone, "1", client("b"))).toBeUndefined();
    advance(1500);
    expect(limiter.check("Acme", perPhone, "1", client("c"))).toBe(8); // 7.5 s left, rounded up
    advance(7499);
    expect(limiter.check("Acme", perPhone, "1", client("c"))).toBe(1);
    advance(1);
    expect(limiter.check("Acme", perPhone, "1", client("c"))).toBeUndefined();
  });

  it("counts phones, clients and tenants apart", () => {
    const { limiter } = limiterAt();
    const both: TenantRateLimit = { ...perPhone, ...perClient };
    expect(limiter.check("Acme", both, "1", client("a"))).toBeUndefined();
    expect(limiter.check("Acme", both, "1", client("a"))).toBeUndefined();
    expect(limiter.check("Acme", both, "1", client("a"))).toBe(10); // phone 1 used up
    expect(limiter.check("Acme", both, "2", client("a"))).toBeUndefined(); // client a: third
    expect(limiter.check("Acme", both, "3", client("a"))).toBe(5); // client a used up
    expect(limiter.check("Acme", both, "3", client("b"))).toBeUndefined();
    expect(limiter.check("Globex", both, "1", client("a"))).toBeUndefined();
  });

  it("does not count a refused request", () => {
    const { limiter, advance } = limiterAt();
    const tight: TenantRateLimit = { perPhone: { limit: 1, windowSeconds: 1 } };
    expect(limiter.check("Acme", tight, "1", client("a"))).toBeUndefined();
    for (let i = 0; i < 5; i++) expect(limiter.check("Acme", tight, "1", client("a"))).toBe(1);
    advance(1000);
    expect(limiter.check("Acme", tight, "1", client("a"))).toBeUndefined();
  });

  it("asks for the client address only when a per-client limit exists", () => {
    const { limiter } = limiterAt();
    let asked = 0;
    limiter.check("Acme", perPhone, "1", () => {
      asked++;
      return "a";
    });
    expect(asked).toBe(0);
  });

  it("forgets ended windows on sweep", () => {
    const { limiter, advance } = limiterAt();
    limiter.check("Acme", { ...perPhone, ...perClient }, "1", client("a"));
    expect(limiter.size).toBe(2);
    advance(9_999);
    limiter.sweep();
    expect(limiter.size).toBe(1); // the 5-second client window ended; the 10-second one has not
    advance(1);
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });
});

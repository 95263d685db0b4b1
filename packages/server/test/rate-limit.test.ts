// The in-memory rate limiter, on a clock the test moves.
import { describe, expect, it } from "vitest";
import type { TenantRateLimit } from "../src/config/schema.js";
import { DEFAULT_MAX_WINDOWS, FailedAuthLimiter, RateLimiter } from "../src/rate-limit.js";

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

describe("RateLimiter bounds", () => {
  const limits: TenantRateLimit = { perPhone: { limit: 1, windowSeconds: 60 } };

  it("keeps at most maxWindows windows, dropping the oldest first", () => {
    const small = new RateLimiter(() => 1_000_000, 3);
    for (const phone of ["1", "2", "3", "4"]) expect(small.check("Acme", limits, phone, client("a"))).toBeUndefined();
    expect(small.size).toBe(3);
    // "1" was the oldest: forgotten, so it passes again; "4" is still counted.
    expect(small.check("Acme", limits, "1", client("a"))).toBeUndefined();
    expect(small.check("Acme", limits, "4", client("a"))).toBe(60);
  });

  it("a bound of 0 still keeps the window just started, and only that one", () => {
    const none = new RateLimiter(() => 1_000_000, 0);
    expect(none.check("Acme", limits, "1", client("a"))).toBeUndefined();
    expect(none.check("Acme", limits, "1", client("a"))).toBe(60);
    expect(none.check("Acme", limits, "2", client("a"))).toBeUndefined();
    expect(none.size).toBe(1);
    expect(none.check("Acme", limits, "1", client("a"))).toBeUndefined();
  });

  it("forgets ended windows on the next check, without a sweep", () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 2_000; i++) limiter.check("Acme", limits, String(i), client("a"));
    expect(limiter.size).toBe(2_000);
    advance(59_999);
    limiter.check("Acme", limits, "new", client("a"));
    expect(limiter.size).toBe(2_001);
    advance(1);
    limiter.check("Acme", limits, "newer", client("a"));
    // Every window of the first 2,000 ended at once; the two new ones are live.
    expect(limiter.size).toBe(2);
    expect(limiter.check("Acme", limits, "0", client("a"))).toBeUndefined();
  });

  it("renews a key's window after it ended, counting from the new start", () => {
    const { limiter, advance } = limiterAt();
    expect(limiter.check("Acme", limits, "1", client("a"))).toBeUndefined();
    advance(60_000);
    expect(limiter.check("Acme", limits, "1", client("a"))).toBeUndefined();
    advance(30_000);
    expect(limiter.check("Acme", limits, "1", client("a"))).toBe(30);
  });

  it("keeps windows of different lengths apart", () => {
    const { limiter, advance } = limiterAt();
    const short: TenantRateLimit = { perPhone: { limit: 1, windowSeconds: 1 } };
    expect(limiter.check("Acme", limits, "1", client("a"))).toBeUndefined();
    expect(limiter.check("Globex", short, "1", client("a"))).toBeUndefined();
    advance(1_000);
    expect(limiter.check("Globex", short, "1", client("a"))).toBeUndefined();
    expect(limiter.check("Acme", limits, "1", client("a"))).toBe(59);
  });

  it("answers at least 1 second, rounded up", () => {
    const { limiter, advance } = limiterAt();
    const tight: TenantRateLimit = { perClient: { limit: 1, windowSeconds: 2 } };
    limiter.check("Acme", tight, "1", client("a"));
    advance(1_999);
    expect(limiter.check("Acme", tight, "2", client("a"))).toBe(1);
    advance(-1_000);
    expect(limiter.check("Acme", tight, "2", client("a"))).toBe(2); // 1001 ms left
    advance(-999);
    expect(limiter.check("Acme", tight, "2", client("a"))).toBe(2); // 2000 ms left: exactly 2
  });

  it("a tenant limit object with neither window lets everything through and keeps nothing", () => {
    const { limiter } = limiterAt();
    expect(limiter.check("Acme", {}, "1", client("a"))).toBeUndefined();
    expect(limiter.size).toBe(0);
  });

  it("the default bound is a million windows per kind", () => {
    expect(DEFAULT_MAX_WINDOWS).toBe(1_000_000);
  });
});

describe("FailedAuthLimiter", () => {
  const window = { limit: 3, windowSeconds: 600 };

  it("blocks an address that failed more than `limit` times until its window ends, with the seconds left", () => {
    let now = 5_000_000;
    const limiter = new FailedAuthLimiter(window, () => now);
    for (let i = 0; i < 4; i++) {
      expect(limiter.blockedFor("10.0.0.1")).toBeUndefined();
      limiter.failed("10.0.0.1");
    }
    expect(limiter.blockedFor("10.0.0.1")).toBe(600);
    expect(limiter.blockedFor("10.0.0.2")).toBeUndefined();
    now += 599_001;
    expect(limiter.blockedFor("10.0.0.1")).toBe(1);
    now += 999;
    expect(limiter.blockedFor("10.0.0.1")).toBeUndefined();
  });

  it("forgets ended windows on sweep and holds at most maxWindows", () => {
    let now = 0;
    const limiter = new FailedAuthLimiter(window, () => now, 2);
    limiter.failed("a");
    limiter.failed("b");
    limiter.failed("c");
    expect(limiter.size).toBe(2);
    now += 600_000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });

  it("uses the wall clock by default", () => {
    const limiter = new FailedAuthLimiter({ limit: 1, windowSeconds: 60 });
    limiter.failed("a");
    limiter.failed("a");
    expect(limiter.blockedFor("a")).toBeGreaterThan(58);
    expect(new RateLimiter().check("Acme", { perPhone: { limit: 1, windowSeconds: 60 } }, "1", client("a"))).toBeUndefined();
  });
});

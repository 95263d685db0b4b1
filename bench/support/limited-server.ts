// A reference server whose per-phone rate limiter already holds `keys` live windows, for
// bench/hostile.ts: `tsx bench/support/limited-server.ts PORT KEYS`. Prints "ready" when listening.
import { ConfigDirectory, createLogger, createWebcallbackServer, hashToken, RateLimiter, SqliteStore } from "@webcallback/server";

const [portText = "0", keysText = "1000"] = process.argv.slice(2);
const limits = { perPhone: { limit: 1_000_000_000, windowSeconds: 86_400 } };
const directory = new ConfigDirectory({
  failedAuthLimit: false,
  tenants: {
    Bench: { tokens: [hashToken("bench-token")], channels: { "18006661212": {} }, rateLimit: limits },
  },
});
const limiter = new RateLimiter();
for (let i = 0; i < Number(keysText); i++) limiter.check("Bench", limits, String(10_000_000_000 + i), () => "-");
const server = createWebcallbackServer({
  port: Number(portText),
  directory,
  store: new SqliteStore(":memory:"),
  rateLimiter: limiter,
  logger: createLogger({ level: "warn" }),
});
await server.listen();
process.stdout.write("ready\n");
process.once("SIGTERM", () => void server.close().then(() => process.exit(0)));

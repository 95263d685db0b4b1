// Defect 2 of the hostile probe: sockets the server has given up on are destroyed, the
// timeouts fire close to what is configured, and a flood of idle connections under a low
// limit on open files cannot starve a valid request. Also: a request without Host gets JSON.
import { REQUEST_EXAMPLES } from "@webcallback/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT } from "../support/callback-client.ts";
import { exchange, openSocket, statuses } from "../support/raw-http.ts";
import { type ServerProcess, startServer } from "../support/server-process.ts";

const { back: _back, ...JSON_MODE } = REQUEST_EXAMPLES.Example1CallNow.value;
const VALID_QUERY = new URLSearchParams(JSON_MODE).toString();

let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ args: ["--headers-timeout", "1", "--request-timeout", "2", "--log-level", "warn"] });
});

afterAll(async () => {
  expect(await server.stop()).toBe(0);
});

describe("a connection the server gave up on is closed by the server", () => {
  it.each([
    { name: "a malformed request line", given: "NOT A REQUEST\r\n\r\n", want: 400 },
    { name: "a bad header", given: "GET / HTTP/1.1\r\nHost: x\r\nbad header\r\n\r\n", want: 400 },
    { name: "an oversized header", given: `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, want: 431 },
  ])("$name: answered $want in JSON, then the socket is closed without waiting for the client", async ({ given, want }) => {
    const result = await exchange(server.port, given, 3_000);
    expect(result.closedBy).toBe("server");
    expect(statuses(result.text)).toEqual([want]);
    expect(result.text).toMatch(/cache-control: no-store/i);
    expect(result.ms).toBeLessThan(2_000);
  });

  it("a request whose headers never finish gets 408 near the configured 1 s, not after node's 30 s check", async () => {
    const result = await exchange(server.port, "GET /healthz HTTP/1.1\r\nHost: x\r\n", 10_000);
    expect(result.closedBy).toBe("server");
    expect(statuses(result.text)).toEqual([408]);
    expect(result.ms).toBeGreaterThan(900);
    expect(result.ms).toBeLessThan(3_000);
  });

  it("a connection that never sends a byte is closed near the headers timeout", async () => {
    const result = await exchange(server.port, "", 10_000);
    expect(result.closedBy).toBe("server");
    expect(result.ms).toBeLessThan(3_000);
  });

  it("an HTTP/1.1 request without Host gets a JSON 400 with no-store", async () => {
    const result = await exchange(server.port, "GET /healthz HTTP/1.1\r\n\r\n", 3_000);
    expect(statuses(result.text)).toEqual([400]);
    expect(result.text).toMatch(/content-type: application\/json/i);
    expect(result.text).toMatch(/cache-control: no-store/i);
    expect(result.closedBy).toBe("server");
  });
});

describe("1,100 idle connections against a server limited to 512 open files", () => {
  let limited: ServerProcess;
  beforeAll(async () => {
    limited = await startServer({ openFilesLimit: 512, args: ["--log-level", "warn"] });
  });
  afterAll(async () => {
    await limited.stop();
  });

  it("still answers a valid request, and says in the log and /metrics that it shed connections", async () => {
    const idle = [];
    try {
      for (let i = 0; i < 1_100; i++) {
        const socket = await openSocket(limited.port).catch(() => undefined);
        if (socket !== undefined) {
          socket.on("error", () => {});
          idle.push(socket);
        }
      }
      const answer = await fetch(`${limited.url}${ENDPOINT}?${VALID_QUERY}`, { signal: AbortSignal.timeout(5_000) });
      expect(answer.status).toBe(202);
      const metrics = await (await fetch(`${limited.url}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
      expect(metrics).toMatch(/webcallback_connections_shed_total\{action="evicted"\} [1-9]/);
      expect(metrics).toMatch(/webcallback_open_connections \d+/);
      expect(limited.output()).toMatch(/connection cap reached/);
    } finally {
      for (const socket of idle) socket.destroy();
    }
  });
});

// A request whose body never finishes (the 2026-12-06 review): it was never timed out, a FIN
// in the middle of it left the socket in CLOSE-WAIT for good, and a handful of them held
// every slot under --max-connections. Each is answered or cut now, and cannot lock anyone out.
import { REQUEST_EXAMPLES } from "@webcallback/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENDPOINT } from "../support/callback-client.ts";
import { exchange, openSocket, statuses } from "../support/raw-http.ts";
import { type ServerProcess, startServer } from "../support/server-process.ts";

const { back: _back, ...JSON_MODE } = REQUEST_EXAMPLES.Example1CallNow.value;
const VALID_QUERY = new URLSearchParams(JSON_MODE).toString();

/** Headers promising 50 bytes of form, and 11 of them. */
const SHORT_BODY = `POST ${ENDPOINT} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50\r\n\r\ntenant=Acme`;
/** A chunked form whose last chunk never comes. */
const OPEN_CHUNKS = `POST ${ENDPOINT} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\nb\r\ntenant=Acme\r\n`;

async function openConnections(server: ServerProcess): Promise<number> {
  const metrics = await (await fetch(`${server.url}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
  return Number(/^webcallback_open_connections (\d+)/m.exec(metrics)?.[1]);
}

async function waitFor(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe("a body that stops arriving", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ args: ["--headers-timeout", "1", "--request-timeout", "2", "--log-level", "warn"] });
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it.each([
    { name: "a Content-Length body cut short", given: SHORT_BODY },
    { name: "a chunked body without its last chunk", given: OPEN_CHUNKS },
  ])("$name: 408 near the 2 s request timeout, then the server closes the socket", async ({ given }) => {
    const result = await exchange(server.port, given, 10_000);
    expect(result.closedBy).toBe("server");
    expect(statuses(result.text)).toEqual([408]);
    expect(result.text).toMatch(/cache-control: no-store/i);
    expect(result.ms).toBeGreaterThan(1_500);
    expect(result.ms).toBeLessThan(5_000);
  });

  it("the client's FIN in the middle of a body: the server closes its side at once, and counts the connection gone", async () => {
    const before = await openConnections(server);
    const sockets = await Promise.all(Array.from({ length: 10 }, () => openSocket(server.port)));
    const closed = sockets.map(
      (socket) =>
        new Promise<number>((resolve) => {
          const started = performance.now();
          socket.on("error", () => {});
          socket.resume();
          socket.on("close", () => resolve(performance.now() - started));
          socket.end(SHORT_BODY);
        }),
    );
    const ms = await Promise.all(closed);
    expect(Math.max(...ms)).toBeLessThan(1_000);
    expect(await waitFor(async () => (await openConnections(server)) <= before, 2_000)).toBe(true);
  });

  it("the client's reset in the middle of a body: the connection is counted gone", async () => {
    const before = await openConnections(server);
    const sockets = await Promise.all(Array.from({ length: 10 }, () => openSocket(server.port)));
    for (const socket of sockets) {
      socket.on("error", () => {});
      socket.write(SHORT_BODY);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (const socket of sockets) socket.resetAndDestroy();
    expect(await waitFor(async () => (await openConnections(server)) <= before, 2_000)).toBe(true);
  });
});

describe("stalled bodies on every slot of --max-connections 5", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer({ args: ["--max-connections", "5", "--log-level", "warn"] });
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it("a valid request still gets its 202: a connection waiting on its client's body makes room", async () => {
    const stalled = await Promise.all(Array.from({ length: 6 }, () => openSocket(server.port)));
    try {
      for (const socket of stalled) {
        socket.on("error", () => {});
        socket.write(SHORT_BODY);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      const answer = await fetch(`${server.url}${ENDPOINT}?${VALID_QUERY}`, { signal: AbortSignal.timeout(5_000) });
      expect(answer.status).toBe(202);
      expect(server.output()).toMatch(/connection cap reached/);
    } finally {
      for (const socket of stalled) socket.destroy();
    }
  });

  it("once the stalled clients have gone, the server answers /healthz", async () => {
    const healthy = await waitFor(
      async () => (await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined))?.status === 200,
      3_000,
    );
    expect(healthy).toBe(true);
  });
});

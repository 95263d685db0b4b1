// The connection cap over real loopback sockets: which connection makes room for a newcomer,
// and when a newcomer is refused instead.
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ConnectionGuard } from "../src/http/connections.js";

interface Harness {
  readonly server: Server;
  readonly guard: ConnectionGuard;
  readonly shed: string[];
  /** Requests the server holds unanswered (the path `/hold`), to answer later. */
  readonly held: ServerResponse[];
  readonly port: number;
}

const open: Socket[] = [];
let current: Harness | undefined;

afterEach(async () => {
  for (const socket of open.splice(0)) socket.destroy();
  if (current !== undefined) {
    for (const res of current.held) res.end();
    current.server.closeAllConnections();
    await new Promise((resolve) => current?.server.close(resolve));
    current = undefined;
  }
});

async function harness(maxConnections: number): Promise<Harness> {
  const shed: string[] = [];
  const held: ServerResponse[] = [];
  const guard = new ConnectionGuard(maxConnections, { shed: (action) => shed.push(action) });
  // Wired as listen.ts wires it: the guard sees each request before the handler.
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    guard.request(req, res);
    if (req.url === "/hold") held.push(res);
    else res.end("ok");
  });
  guard.attach(server, false);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  current = { server, guard, shed, held, port: (server.address() as AddressInfo).port };
  return current;
}

/** A socket the server has accepted and is tracking. */
async function connectTo(h: Harness): Promise<Socket> {
  const before = h.guard.size + h.shed.length;
  const socket = connect(h.port, "127.0.0.1");
  open.push(socket);
  await once(socket, "connect");
  // The server's side runs its listeners a moment after the client's connect.
  while (h.guard.size + h.shed.length === before) await new Promise((resolve) => setTimeout(resolve, 2));
  return socket;
}

/** Sends one keep-alive request and resolves with what came back ("closed" when the server cut it). */
function ask(socket: Socket, path = "/"): Promise<string> {
  if (socket.destroyed) return Promise.resolve("closed");
  socket.write(`GET ${path} HTTP/1.1\r\nHost: t\r\n\r\n`);
  return new Promise((resolve) => {
    socket.once("data", (chunk: Buffer) => resolve(chunk.toString()));
    socket.once("close", () => resolve("closed"));
  });
}

const closed = (socket: Socket) => socket.destroyed || socket.readableEnded;

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("ConnectionGuard", () => {
  it("makes room by cutting the least recently active idle connection, never the one in use", async () => {
    const h = await harness(4);
    const active = await connectTo(h);
    expect(await ask(active)).toContain("200 OK");
    const idle = [await connectTo(h), await connectTo(h), await connectTo(h)];
    for (let round = 0; round < 6; round++) {
      expect(await ask(active)).toContain("200 OK");
      idle.push(await connectTo(h));
      await settle();
    }
    expect(h.shed).toEqual(Array(6).fill("evicted"));
    expect(closed(active)).toBe(false);
    // The oldest idle ones went first; the last three are still open.
    expect(idle.map(closed)).toEqual([true, true, true, true, true, true, false, false, false]);
  });

  it("keeps a busy connection near the back among many, so an idle one goes first", async () => {
    const h = await harness(40);
    const active = await connectTo(h);
    for (let i = 0; i < 39; i++) await connectTo(h);
    for (let round = 0; round < 30; round++) {
      expect(await ask(active)).toContain("200 OK");
      await connectTo(h);
    }
    await settle();
    expect(h.shed).toEqual(Array(30).fill("evicted"));
    expect(closed(active)).toBe(false);
  });

  it("does not cut a connection that still owes an answer: a newcomer is refused instead", async () => {
    const h = await harness(2);
    const first = await connectTo(h);
    const second = await connectTo(h);
    first.write("GET /hold HTTP/1.1\r\nHost: t\r\n\r\n");
    second.write("GET /hold HTTP/1.1\r\nHost: t\r\n\r\n");
    while (h.held.length < 2) await new Promise((resolve) => setTimeout(resolve, 2));
    const late = await connectTo(h);
    await once(late, "close");
    expect(h.shed).toEqual(["refused"]);
    expect([closed(first), closed(second)]).toEqual([false, false]);
    // Once its answer has left, a connection can make room again.
    const answered = once(first, "data");
    h.held.shift()?.end("done");
    await answered;
    await connectTo(h);
    await settle();
    expect(h.shed).toEqual(["refused", "evicted"]);
    expect(closed(first)).toBe(true);
    expect(closed(second)).toBe(false);
  });

  it("runs afterAnswers once the answers owed on a connection have been handed over", async () => {
    const h = await harness(4);
    const socket = await connectTo(h);
    socket.write("GET /hold HTTP/1.1\r\nHost: t\r\n\r\n");
    while (h.held.length < 1) await new Promise((resolve) => setTimeout(resolve, 2));
    const [res] = h.held;
    let ran = false;
    h.guard.afterAnswers(res?.req.socket as Socket, () => {
      ran = true;
    });
    expect(ran).toBe(false);
    h.held.shift()?.end("done");
    await once(socket, "data");
    await settle();
    expect(ran).toBe(true);
  });

  it("counts a connection whose request still waits for its body as idle: it makes room, one in use does not", async () => {
    const h = await harness(2);
    const stalled = await connectTo(h);
    const busy = await connectTo(h);
    stalled.write("POST /hold HTTP/1.1\r\nHost: t\r\nContent-Length: 50\r\n\r\nfive!");
    busy.write("GET /hold HTTP/1.1\r\nHost: t\r\n\r\n");
    while (h.held.length < 2) await new Promise((resolve) => setTimeout(resolve, 2));
    await connectTo(h);
    await settle();
    expect(h.shed).toEqual(["evicted"]);
    expect([closed(stalled), closed(busy)]).toEqual([true, false]);
  });

  it("owes no answer to a request still waiting for its body: afterAnswers runs at once", async () => {
    const h = await harness(4);
    const socket = await connectTo(h);
    socket.write("POST /hold HTTP/1.1\r\nHost: t\r\nContent-Length: 50\r\n\r\nfive!");
    while (h.held.length < 1) await new Promise((resolve) => setTimeout(resolve, 2));
    let ran = false;
    h.guard.afterAnswers(h.held[0]?.req.socket as Socket, () => {
      ran = true;
    });
    expect(ran).toBe(true);
  });
});

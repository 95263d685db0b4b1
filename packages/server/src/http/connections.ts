// Open connections, bounded: past the cap the least recently active idle connection makes
// room (a half-open socket that never sent a request goes first), and when none is idle the
// newcomer is refused. Each connection's requests in flight are counted so that a
// connection the server gives up on is closed only after the answers it owes have left.
import type { Server } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";

/** How many of the least recently active connections are looked at for one to evict. */
const EVICTION_LOOKS = 8;

interface ConnectionState {
  inFlight: number;
  /** Runs once nothing is in flight (the connection's last answer has been handed over). */
  whenIdle: (() => void) | undefined;
}

export interface ConnectionEvents {
  /** A connection was cut to make room (`evicted`) or refused at the door (`refused`). */
  shed(action: "evicted" | "refused", open: number): void;
}

export class ConnectionGuard {
  /** Insertion order is activity order: a connection moves to the end when a request starts. */
  private readonly open = new Map<Duplex, ConnectionState>();
  /** TCP connections accepted and not yet closed (with TLS, some are still in the handshake). */
  private accepted = 0;

  constructor(
    readonly maxConnections: number,
    private readonly events: ConnectionEvents,
  ) {}

  /** Counts and caps TCP connections on `server`; `secure` tracks requests on the TLS sockets. */
  attach(server: Server, secure: boolean): void {
    server.on("connection", this.onAccept);
    server.on(secure ? "secureConnection" : "connection", this.track);
    server.on("request", this.onRequest);
  }

  get size(): number {
    return this.accepted;
  }

  /** Runs `then` once the answers owed on `socket` have been handed to it (at once when none are). */
  afterAnswers(socket: Duplex, then: () => void): void {
    const state = this.open.get(socket);
    if (state === undefined || state.inFlight === 0) then();
    else state.whenIdle = then;
  }

  private readonly onAccept = (socket: Socket): void => {
    if (this.accepted >= this.maxConnections && !this.evictOne()) {
      socket.destroy();
      this.events.shed("refused", this.accepted);
      return;
    }
    this.accepted++;
    socket.once("close", () => this.accepted--);
  };

  private readonly track = (socket: Duplex): void => {
    if (socket.destroyed) return;
    this.open.set(socket, { inFlight: 0, whenIdle: undefined });
    socket.once("close", () => this.open.delete(socket));
  };

  private readonly onRequest = (req: { socket: Duplex }, res: { once(event: "close", listener: () => void): unknown }): void => {
    const socket = req.socket;
    const state = this.open.get(socket);
    if (state === undefined) return;
    this.open.delete(socket);
    this.open.set(socket, state);
    state.inFlight++;
    res.once("close", () => {
      state.inFlight--;
      if (state.inFlight === 0 && state.whenIdle !== undefined) {
        const then = state.whenIdle;
        state.whenIdle = undefined;
        then();
      }
    });
  };

  /** Cuts the least recently active connection with nothing in flight; false when none is found. */
  private evictOne(): boolean {
    let looked = 0;
    for (const [socket, state] of this.open) {
      if (state.inFlight === 0) {
        this.open.delete(socket);
        socket.destroy();
        this.events.shed("evicted", this.accepted);
        return true;
      }
      if (++looked >= EVICTION_LOOKS) break;
    }
    return false;
  }
}

// Open connections, bounded: past the cap the least recently active idle connection makes
// room (a half-open socket that never sent a request goes first; one whose only request still
// waits for its body counts as idle), and when none is idle the newcomer is refused. Each
// connection's requests in flight are counted so that a connection the server gives up on is
// closed only after the answers it owes have left.
// The bookkeeping runs on every request, so it allocates nothing per request: one shared
// close listener, and a connection moves to the back of the order only when it is not
// already among the most recently moved quarter.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";

/** How many of the least recently active connections are looked at for one to evict. */
const EVICTION_LOOKS = 8;

/** Whether the connection's newest request still waits for its body, with nothing of its answer sent. */
function waitingOnClient(state: ConnectionState): boolean {
  const res = state.newestResponse;
  return res !== undefined && state.newest?.complete === false && !res.headersSent;
}

interface ConnectionState {
  inFlight: number;
  /** Runs once the answers owed have been handed over (see `afterAnswers`). */
  whenIdle: (() => void) | undefined;
  /** `whenIdle` runs when `inFlight` falls to this: 1 when the newest request waits for its body. */
  idleAt: number;
  /** The newest request in flight and its response (cleared when that response closes). */
  newest: IncomingMessage | undefined;
  newestResponse: ServerResponse | undefined;
  /** The value of the move counter when this connection last moved to the back. */
  movedAt: number;
}

/** Where a response keeps its connection's state, for the one close listener all responses share. */
const STATE = Symbol("connection state");
type TrackedResponse = ServerResponse & { [STATE]?: ConnectionState };

function responseClosed(this: TrackedResponse): void {
  const state = this[STATE];
  if (state === undefined) return;
  state.inFlight--;
  if (state.newestResponse === this) {
    state.newest = undefined;
    state.newestResponse = undefined;
  }
  if (state.whenIdle !== undefined && state.inFlight <= state.idleAt) {
    const then = state.whenIdle;
    state.whenIdle = undefined;
    then();
  }
}

export interface ConnectionEvents {
  /** A connection was cut to make room (`evicted`) or refused at the door (`refused`). */
  shed(action: "evicted" | "refused", open: number): void;
}

export class ConnectionGuard {
  /** Insertion order is activity order, to within a quarter of the connections (see `request`). */
  private readonly open = new Map<Duplex, ConnectionState>();
  /** TCP connections accepted and not yet closed (with TLS, some are still in the handshake). */
  private accepted = 0;
  /** Moves to the back of `open` so far. */
  private moves = 0;

  constructor(
    readonly maxConnections: number,
    private readonly events: ConnectionEvents,
  ) {}

  /**
   * Counts and caps TCP connections on `server`; `secure` tracks requests on the TLS sockets.
   * The server's request listener calls `request` first (one listener is cheaper than two).
   */
  attach(server: Server, secure: boolean): void {
    server.on("connection", this.onAccept);
    server.on(secure ? "secureConnection" : "connection", this.track);
  }

  get size(): number {
    return this.accepted;
  }

  /**
   * Runs `then` once the answers owed on `socket` have been handed to it (at once when none are).
   * A request still waiting for its body owes none: the client stopped, so it will not get one.
   */
  afterAnswers(socket: Duplex, then: () => void): void {
    const state = this.open.get(socket);
    const idleAt = state !== undefined && waitingOnClient(state) ? 1 : 0;
    if (state === undefined || state.inFlight <= idleAt) then();
    else {
      state.whenIdle = then;
      state.idleAt = idleAt;
    }
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
    this.open.set(socket, {
      inFlight: 0,
      whenIdle: undefined,
      idleAt: 0,
      newest: undefined,
      newestResponse: undefined,
      movedAt: ++this.moves,
    });
    socket.once("close", () => this.open.delete(socket));
  };

  /** A request started on its connection: the connection is active, and owes one more answer. */
  request(req: IncomingMessage, res: ServerResponse): void {
    const socket = req.socket;
    const state = this.open.get(socket);
    if (state === undefined) return;
    // Fewer than a quarter of the connections moved since this one did: its place is recent enough.
    if (this.moves - state.movedAt >= this.open.size >> 2) {
      this.open.delete(socket);
      this.open.set(socket, state);
      state.movedAt = ++this.moves;
    }
    state.inFlight++;
    state.newest = req;
    state.newestResponse = res;
    (res as TrackedResponse)[STATE] = state;
    res.on("close", responseClosed);
  }

  /** Cuts the least recently active connection with nothing to answer; false when none is found. */
  private evictOne(): boolean {
    let looked = 0;
    for (const [socket, state] of this.open) {
      if (state.inFlight === 0 || (state.inFlight === 1 && waitingOnClient(state))) {
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

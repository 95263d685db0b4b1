// The transport: plain HTTP on loopback only; elsewhere HTTPS (a certificate and key) or a
// trusted proxy that terminates TLS. The policy is checked before anything listens.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { isIP } from "node:net";
import type { Duplex } from "node:stream";
import { isLoopbackHost } from "@webcallback/core";
import { type ConnectionEvents, ConnectionGuard } from "./connections.js";
import type { TransportLimits } from "./limits.js";

export { DEFAULT_TRANSPORT_LIMITS, type TransportLimits } from "./limits.js";

export interface TlsMaterial {
  /** PEM text or bytes, not paths. */
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
}

export interface TransportOptions {
  readonly host: string;
  readonly tls?: TlsMaterial | undefined;
  /** A proxy in front terminates TLS and sets X-Forwarded-Proto / X-Forwarded-For. */
  readonly trustProxy?: boolean | undefined;
}

/** 127.0.0.0/8, ::1 and localhost: the addresses plain HTTP may be served on (core's rule). */
export { isLoopbackHost };

/** Why the server must not start with these options (HTTPS policy), or undefined. */
export function transportProblem(options: TransportOptions): string | undefined {
  if (options.tls !== undefined || options.trustProxy === true || isLoopbackHost(options.host)) return undefined;
  return (
    `refusing to serve plain HTTP on ${options.host}: the web callback API is HTTPS only. ` +
    "Give --tls-cert and --tls-key, or --trust-proxy when a proxy in front terminates TLS, or listen on a loopback address."
  );
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** How long a socket we gave up on may take to flush its last answer before it is cut. */
const FLUSH_GRACE_MS = 1_000;

export interface Transport {
  readonly server: Server;
  readonly connections: ConnectionGuard;
}

/**
 * The node:http (or https) server with its limits. Node looks for timed-out requests every
 * `connectionsCheckingInterval` (30 s by default, which made a 30 s timeout fire at up to
 * 56 s); here it looks a few times within the shortest timeout, at least once a second.
 */
export function createTransport(
  handler: Handler,
  tls: TlsMaterial | undefined,
  limits: TransportLimits,
  events: ConnectionEvents,
): Transport {
  const requestTimeout = limits.requestTimeoutMs;
  const headersTimeout = Math.min(limits.headersTimeoutMs, requestTimeout);
  const options = {
    headersTimeout,
    requestTimeout,
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4))),
    // A request without Host gets our own JSON 400 (handler.ts), not node's bare one.
    requireHostHeader: false,
    noDelay: true,
  };
  const connections = new ConnectionGuard(limits.maxConnections, events);
  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    connections.request(req, res);
    handler(req, res);
  };
  const server: Server =
    tls === undefined
      ? createHttpServer(options, onRequest)
      : createHttpsServer({ ...options, handshakeTimeout: headersTimeout, cert: tls.cert, key: tls.key }, onRequest);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  connections.attach(server, tls !== undefined);
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket, connections));
  return { server, connections };
}

/**
 * A request node:http could not parse (or that timed out) gets what node's default handler
 * would send (400, 408, 431), as JSON and no-store like every other answer, after the answers
 * still owed to requests pipelined before it; then the socket is destroyed, not left half-open.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, connections: ConnectionGuard): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const reason = STATUS_CODES[status] ?? "Bad Request";
  const body = JSON.stringify({ error: reason.toLowerCase() });
  connections.afterAnswers(socket, () => {
    if (socket.destroyed) return;
    const cut = setTimeout(() => socket.destroy(), FLUSH_GRACE_MS);
    cut.unref();
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncache-control: no-store\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      () => {
        clearTimeout(cut);
        socket.destroy();
      },
    );
  });
}

/** Listens and resolves with the bound port (useful with port 0). */
export function listenOn(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen({ host, port }, () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address !== null ? address.port : port);
    });
  });
}

export function urlOf(secure: boolean, host: string, port: number): string {
  const shown = isIP(host) === 6 ? `[${host}]` : host;
  return `${secure ? "https" : "http"}://${shown}:${port}`;
}

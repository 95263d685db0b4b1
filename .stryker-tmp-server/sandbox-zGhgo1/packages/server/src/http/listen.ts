// @ts-nocheck
// The transport: plain HTTP on loopback only; elsewhere HTTPS (a certificate and key) or a
// trusted proxy that terminates TLS. The policy is checked before anything listens.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { isIP } from "node:net";
import type { Duplex } from "node:stream";
import { isLoopbackHost } from "@webcallback/core";

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

// Slow clients cannot hold a connection for long: headers within 10 s, the whole request within 30 s.
const SERVER_OPTIONS = { headersTimeout: 10_000, requestTimeout: 30_000, noDelay: true } as const;

export function createTransport(handler: Handler, tls: TlsMaterial | undefined): Server {
  const server: Server =
    tls === undefined
      ? createHttpServer(SERVER_OPTIONS, handler)
      : createHttpsServer({ ...SERVER_OPTIONS, cert: tls.cert, key: tls.key }, handler);
  server.keepAliveTimeout = 5_000;
  server.on("clientError", answerClientError);
  return server;
}

/**
 * A request node:http could not parse (or that timed out) gets what node's default handler
 * would send (400, 408, 431), as JSON and no-store like every other answer.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? 408 : 400;
  const reason = STATUS_CODES[status] ?? "Bad Request";
  const body = JSON.stringify({ error: reason.toLowerCase() });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncache-control: no-store\r\ncontent-type: application/json; charset=utf-8\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
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

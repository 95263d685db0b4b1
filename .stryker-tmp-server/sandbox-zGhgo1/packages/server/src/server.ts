// @ts-nocheck
// Puts the pieces together: directory, store, rate limits, health, metrics, logs and the
// transport, behind listen() and a graceful close().
import type { Server } from "node:http";
import type { Directory, DirectoryTenant } from "@webcallback/core";
import { type Clock, systemClock } from "./clock.js";
import { ConfigDirectory, ConfigTenant } from "./config/config-directory.js";
import type { TenantRateLimit } from "./config/schema.js";
import { CorsPolicy } from "./http/cors.js";
import { RequestHandler } from "./http/handler.js";
import { createTransport, listenOn, type TlsMaterial, transportProblem, urlOf } from "./http/listen.js";
import { Health } from "./ops/health.js";
import { createLogger, type Logger } from "./ops/logger.js";
import { Metrics } from "./ops/metrics.js";
import { RateLimiter } from "./rate-limit.js";
import type { Store } from "./store/store.js";

export interface WebcallbackServerOptions {
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 8080; 0 picks a free port. */
  readonly port?: number;
  readonly directory: Directory;
  /** Every tenant's allowed back origins, for CORS; taken from a ConfigDirectory when not given. */
  readonly corsOrigins?: readonly string[];
  /** The server owns it from now on: close() closes it. */
  readonly store: Store;
  readonly tls?: TlsMaterial | undefined;
  readonly trustProxy?: boolean | undefined;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
  readonly clock?: Clock;
  /** How often a failed store is probed (default 1000 ms). */
  readonly probeIntervalMs?: number;
  /** Retry-After of a 15 (default 5 s). */
  readonly unavailableRetryAfterSeconds?: number;
  /** Commits under way beyond which intake answers 15 (default 10 000). */
  readonly maxPendingCommits?: number;
  /** How long close() waits for open connections before cutting them (default 10 000 ms). */
  readonly drainTimeoutMs?: number;
}

export interface WebcallbackServer {
  /** Starts listening; resolves with the URL. */
  listen(): Promise<string>;
  /** Graceful shutdown: stop accepting, answer 15 meanwhile, finish commits, close the store. */
  close(): Promise<void>;
  /** `http(s)://host:port`; the port is the bound one after listen(). */
  readonly url: string;
  readonly store: Store;
  readonly metrics: Metrics;
  readonly logger: Logger;
  /** The node:http (or https) server, for tests and embedding. */
  readonly httpServer: Server;
}

export class TransportPolicyError extends Error {
  override readonly name = "TransportPolicyError";
}

function rateLimitOf(tenant: DirectoryTenant): TenantRateLimit | undefined {
  return tenant instanceof ConfigTenant ? tenant.rateLimit : undefined;
}

function corsOriginsOf(directory: Directory): readonly string[] {
  return directory instanceof ConfigDirectory ? directory.allBackOrigins : [];
}

/** Throws TransportPolicyError when the HTTPS policy forbids these options. */
export function createWebcallbackServer(options: WebcallbackServerOptions): WebcallbackServer {
  const host = options.host ?? "127.0.0.1";
  let port = options.port ?? 8080;
  const problem = transportProblem({ host, tls: options.tls, trustProxy: options.trustProxy });
  if (problem !== undefined) throw new TransportPolicyError(problem);

  const log = options.logger ?? createLogger();
  const metrics = options.metrics ?? new Metrics();
  const clock = options.clock ?? systemClock;
  const store = options.store;
  const health = new Health(store, log, options.probeIntervalMs ?? 1000);
  const limiter = new RateLimiter(() => clock.now());
  const handler = new RequestHandler({
    directory: options.directory,
    rateLimitOf,
    store,
    health,
    metrics,
    log,
    clock,
    cors: new CorsPolicy(options.corsOrigins ?? corsOriginsOf(options.directory)),
    limiter,
    secure: options.tls !== undefined,
    trustProxy: options.trustProxy === true,
    unavailableRetryAfterSeconds: options.unavailableRetryAfterSeconds ?? 5,
    maxPendingCommits: options.maxPendingCommits ?? 10_000,
  });
  const httpServer = createTransport(handler.handle, options.tls);
  const secure = options.tls !== undefined;
  let sweeper: NodeJS.Timeout | undefined;
  let closing: Promise<void> | undefined;

  async function shutdown(): Promise<void> {
    health.startDraining();
    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    httpServer.closeIdleConnections();
    // Accepted requests still committing get their answers before the store goes.
    await handler.whenCommitsDone();
    httpServer.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, options.drainTimeoutMs ?? 10_000);
      timer.unref();
    });
    await Promise.race([closed, timedOut]);
    clearTimeout(timer);
    httpServer.closeAllConnections();
    if (sweeper !== undefined) clearInterval(sweeper);
    health.stop();
    await handler.whenCommitsDone();
    await store.close();
    log.info({}, "stopped");
  }

  return {
    async listen() {
      port = await listenOn(httpServer, host, port);
      // After start-up an error of the listening socket (EMFILE on accept…) is logged, not thrown.
      httpServer.on("error", (error) => log.error({ err: error }, "server error"));
      sweeper = setInterval(() => limiter.sweep(), 60_000);
      sweeper.unref();
      return urlOf(secure, host, port);
    },
    close() {
      closing ??= shutdown();
      return closing;
    },
    get url() {
      return urlOf(secure, host, port);
    },
    store,
    metrics,
    logger: log,
    httpServer,
  };
}

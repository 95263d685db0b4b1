// Puts the pieces together: directory, store, rate limits, health, metrics, logs and the
// transport, behind listen() and a graceful close().
import type { Server } from "node:http";
import type { CallbackRequest, Directory, DirectoryTenant } from "@webcallback/core";
import { type Clock, systemClock } from "./clock.js";
import { ConfigDirectory, ConfigTenant } from "./config/config-directory.js";
import { applyDialPlan } from "./config/dial-plan.js";
import type { TenantRateLimit } from "./config/schema.js";
import { CorsPolicy } from "./http/cors.js";
import { RequestHandler } from "./http/handler.js";
import { defaultMaxConnections } from "./http/limits.js";
import {
  createTransport,
  DEFAULT_TRANSPORT_LIMITS,
  listenOn,
  type TlsMaterial,
  type TransportLimits,
  transportProblem,
  urlOf,
} from "./http/listen.js";
import { Health } from "./ops/health.js";
import { createLogger, type Logger } from "./ops/logger.js";
import { Metrics } from "./ops/metrics.js";
import { FailedAuthLimiter, RateLimiter } from "./rate-limit.js";
import type { Store } from "./store/store.js";
import { startWork, type WorkOptions } from "./work/start-work.js";

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
  /** The per-phone and per-client rate limiter; a fresh one on the server clock by default. */
  readonly rateLimiter?: RateLimiter;
  /** Timeouts and the connection cap; each missing one takes its default (http/listen.ts). */
  readonly limits?: Partial<TransportLimits>;
  /** Scheduling, telephony and result POSTs (work/start-work.ts); the simulated dialer by default. */
  readonly work?: WorkOptions;
}

/** How often a burst of shed connections is logged at most. */
const SHED_LOG_INTERVAL_MS = 10_000;

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

/** The number the dialer would call: rate limits per phone count this, not the digits as typed. */
function dialledNumber(tenant: DirectoryTenant, request: CallbackRequest): string {
  return tenant instanceof ConfigTenant ? applyDialPlan(tenant.dialPlanRules(request.dialplanId), request.phone) : request.phone;
}

/** Counts every shed connection and logs a line per burst, so a flood cannot flood the log too. */
function shedReporter(log: Logger, metrics: Metrics, maxConnections: number) {
  let lastLogged = Number.NEGATIVE_INFINITY;
  const counts = { evicted: 0, refused: 0 };
  return {
    shed(action: "evicted" | "refused", open: number): void {
      metrics.connectionShed(action);
      counts[action]++;
      const now = performance.now();
      if (now - lastLogged < SHED_LOG_INTERVAL_MS) return;
      lastLogged = now;
      log.warn(
        { maxConnections, open, evicted: counts.evicted, refused: counts.refused },
        "connection cap reached: the least recently active idle connections are cut, new ones refused when none is idle",
      );
      counts.evicted = 0;
      counts.refused = 0;
    },
  };
}

/** Throws TransportPolicyError when the HTTPS policy forbids these options. */
export function createWebcallbackServer(options: WebcallbackServerOptions): WebcallbackServer {
  const host = options.host ?? "127.0.0.1";
  let port = options.port ?? 8080;
  const problem = transportProblem({ host, tls: options.tls, trustProxy: options.trustProxy });
  if (problem !== undefined) throw new TransportPolicyError(problem);

  const log = options.logger ?? createLogger();
  const metrics = options.metrics ?? new Metrics();
  const store = options.store;
  const work = startWork({ ...options.work, directory: options.directory, store, log, metrics, clock: options.clock });
  const clock = work.clock ?? options.clock ?? systemClock;
  const health = new Health(store, log, options.probeIntervalMs ?? 1000);
  const limiter = options.rateLimiter ?? new RateLimiter(() => clock.now());
  const failedAuthWindow = options.directory instanceof ConfigDirectory ? options.directory.failedAuthLimit : undefined;
  const failedAuth = failedAuthWindow === undefined ? undefined : new FailedAuthLimiter(failedAuthWindow, () => clock.now());
  const handler = new RequestHandler({
    directory: options.directory,
    rateLimitOf,
    dialledNumber,
    failedAuth,
    store,
    accepted: work.accepted,
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
    sim: work.simRoutes,
  });
  const limits: TransportLimits = { ...DEFAULT_TRANSPORT_LIMITS, maxConnections: defaultMaxConnections(), ...options.limits };
  const transport = createTransport(handler.handle, options.tls, limits, shedReporter(log, metrics, limits.maxConnections));
  const httpServer = transport.server;
  metrics.openConnections = () => transport.connections.size;
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
    await work.stop();
    await store.close();
    log.info({}, "stopped");
  }

  return {
    async listen() {
      await work.start();
      try {
        port = await listenOn(httpServer, host, port);
      } catch (error) {
        // Nothing may run on a store the caller is about to close.
        await work.stop();
        throw error;
      }
      // After start-up an error of the listening socket (EMFILE on accept…) is logged, not thrown.
      httpServer.on("error", (error) => log.error({ err: error }, "server error"));
      sweeper = setInterval(() => {
        limiter.sweep();
        failedAuth?.sweep();
      }, 60_000);
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

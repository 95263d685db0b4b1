// One request's way through the server: route, transport checks (109, 107, 108), core's
// validateRequest, the store's commit, then core's answer. Rejections answer in the same
// turn with nothing awaited; only an accepted request waits, for its own commit.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type Answer,
  type AuthFailures,
  acceptedAnswer,
  type CallbackRequest,
  CTL_ERROR,
  type CtlErrorCode,
  type CtlErrorResult,
  ctlError,
  type Directory,
  type DirectoryTenant,
  ENDPOINT_ALLOW,
  ENDPOINT_PATH,
  errorAnswer,
  isReadableForm,
  methodNotAllowed,
  type RequestParams,
  refusesPostBody,
  SAFE_REQUEST_ID,
  type Validation,
  validateRequest,
} from "@webcallback/core";
import type { Clock } from "../clock.js";
import type { TenantRateLimit } from "../config/schema.js";
import type { Health } from "../ops/health.js";
import type { Logger } from "../ops/logger.js";
import type { Metrics } from "../ops/metrics.js";
import type { FailedAuthLimiter, RateLimiter } from "../rate-limit.js";
import { newInteractionGuid } from "../store/interaction-guid.js";
import type { NewInteraction, Store } from "../store/store.js";
import { planIntake } from "../work/intake-plan.js";
import type { CorsPolicy } from "./cors.js";
import { DOCS_PATH, docsSite, isDocsPath } from "./docs.js";
import { forBrowser } from "./html-page.js";
import { BODY_LIMIT_BYTES, formParams, queryParams, readBody } from "./request-params.js";

export { ENDPOINT_PATH };

const NO_STORE = "no-store";
const JSON_TYPE = "application/json; charset=utf-8";
const OPS_METHODS = "GET, HEAD";
const OPS_PATHS: ReadonlySet<string> = new Set(["/healthz", "/readyz", "/metrics"]);
/** How a path that is neither the endpoint nor an operations path appears in the log. */
const UNKNOWN_PATH = "(unknown)";

export interface HandlerOptions {
  readonly directory: Directory;
  /** A tenant's rate limits (from its configuration), or undefined for none. */
  readonly rateLimitOf: (tenant: DirectoryTenant) => TenantRateLimit | undefined;
  /** The number that would be dialled for the request (its dial plan applied): the per-phone key. */
  readonly dialledNumber: (tenant: DirectoryTenant, request: CallbackRequest) => string;
  /** Failed token checks per client address (step 4), or undefined for no limit. */
  readonly failedAuth?: FailedAuthLimiter | undefined;
  readonly store: Store;
  /** Told of each committed request (the scheduler), after its answer has left. */
  readonly accepted?: ((interaction: NewInteraction) => void) | undefined;
  readonly health: Health;
  readonly metrics: Metrics;
  readonly log: Logger;
  readonly clock: Clock;
  readonly cors: CorsPolicy;
  readonly limiter: RateLimiter;
  /** Served over TLS by this process. */
  readonly secure: boolean;
  /** Behind a proxy that sets X-Forwarded-Proto and X-Forwarded-For. */
  readonly trustProxy: boolean;
  /** Retry-After of a 15. */
  readonly unavailableRetryAfterSeconds: number;
  /** More commits under way than this: answer 15 (overloaded). */
  readonly maxPendingCommits: number;
  /** Answers paths under /sim/ (the simulator's control API), when the simulated dialer runs. */
  readonly sim?: ((req: IncomingMessage, res: ServerResponse, url: string, id: string) => void) | undefined;
}

/** The entries of a comma-separated header; node joins repeated X-Forwarded-* headers the same way. */
function listEntries(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(",") : (value ?? "");
  return text
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
}

/** Every hop said https: one plain-HTTP hop anywhere in the chain is enough to refuse. */
function forwardedOverHttps(value: string | string[] | undefined): boolean {
  const entries = listEntries(value);
  return entries.length > 0 && entries.every((entry) => entry.toLowerCase() === "https");
}

/** Any request that declares a body over the limit is refused before a byte of it is read. */
function declaresTooLarge(req: IncomingMessage): boolean {
  return Number(req.headers["content-length"] ?? 0) > BODY_LIMIT_BYTES;
}

/** An absolute-form request target (`http://host/path?q`, RFC 9112 3.2.2) reduced to its origin form. */
function originForm(url: string): string {
  if (!(url.startsWith("http://") || url.startsWith("https://"))) return url;
  const slash = url.indexOf("/", url.indexOf("//") + 2);
  const query = url.indexOf("?", url.indexOf("//") + 2);
  if (slash === -1 || (query !== -1 && query < slash)) return query === -1 ? "/" : `/${url.slice(query)}`;
  return url.slice(slash);
}

export class RequestHandler {
  private readonly idPrefix = randomBytes(4).toString("hex");
  private idCounter = 0;
  private pendingCommits = 0;
  private idleWaiters: (() => void)[] = [];
  /** JSON answers without detail or Retry-After depend on the code alone. */
  private readonly plainErrors = new Map<CtlErrorCode, Answer>();

  /** Whether request lines are logged at all; read once, the level does not change while serving. */
  private readonly logsRequests: boolean;
  private readonly logsProbes: boolean;

  constructor(private readonly o: HandlerOptions) {
    this.logsRequests = o.log.isLevelEnabled("info");
    this.logsProbes = o.log.isLevelEnabled("debug");
  }

  /** Resolves once no accepted request is waiting for its commit. */
  whenCommitsDone(): Promise<void> {
    if (this.pendingCommits === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  readonly handle = (req: IncomingMessage, res: ServerResponse): void => {
    const started = performance.now();
    const id = this.requestId(req);
    if (this.o.health.isDraining) res.setHeader("connection", "close");
    let logPath = UNKNOWN_PATH;
    try {
      const url = originForm(req.url ?? "/");
      const q = url.indexOf("?");
      const path = q === -1 ? url : url.slice(0, q);
      // An unknown path is not logged: nothing says which of its parts might be a secret.
      logPath = path === ENDPOINT_PATH || OPS_PATHS.has(path) ? path : UNKNOWN_PATH;
      if (req.headers.host === undefined && req.httpVersion === "1.1") {
        // RFC 9112 3.2: an HTTP/1.1 request without Host is answered 400 (node's own answer is not JSON).
        res.setHeader("connection", "close");
        this.plain(req, res, 400, '{"error":"bad request: no Host header"}', logPath, id, started);
      } else if (path === ENDPOINT_PATH) this.endpoint(req, res, q === -1 ? "" : url.slice(q + 1), id, started);
      else if (this.o.sim !== undefined && path.startsWith("/sim/")) this.o.sim(req, res, url, id);
      else if (declaresTooLarge(req)) this.tooLarge(req, res, id, started, logPath);
      else if (isDocsPath(path)) this.docs(req, res, path, id, started);
      else this.other(req, res, path, id, started);
    } catch (error) {
      this.internalError(req, res, error, id, started, logPath);
    }
  };

  /** The API reference: its request id and log line like every other answer (its paths as `/docs`). */
  private docs(req: IncomingMessage, res: ServerResponse, path: string, id: string, started: number): void {
    res.setHeader("x-request-id", id);
    res.once("finish", () => this.logLine(req, DOCS_PATH, res.statusCode, undefined, id, performance.now() - started));
    docsSite.serve(req, res, path);
  }

  private requestId(req: IncomingMessage): string {
    const given = req.headers["x-request-id"];
    if (typeof given === "string" && SAFE_REQUEST_ID.test(given)) return given;
    this.idCounter++;
    return `${this.idPrefix}-${this.idCounter.toString(36)}`;
  }

  private endpoint(req: IncomingMessage, res: ServerResponse, query: string, id: string, started: number): void {
    const method = req.method;
    const corsAllowed = this.o.cors.decorate(res, req.headers.origin);
    if (method === "OPTIONS") {
      if (corsAllowed) this.o.cors.decoratePreflight(res);
      res.writeHead(204, { allow: ENDPOINT_ALLOW, "cache-control": NO_STORE, "x-request-id": id });
      res.end();
      this.logLine(req, ENDPOINT_PATH, 204, undefined, id, performance.now() - started);
      return;
    }
    if (method !== "GET" && method !== "POST") {
      this.sendLogged(req, res, methodNotAllowed(ENDPOINT_ALLOW), ENDPOINT_PATH, id, started);
      return;
    }
    // Step 0 (transport): behind a trusted proxy, only requests that came in over HTTPS.
    if (this.o.trustProxy && !this.o.secure && !forwardedOverHttps(req.headers["x-forwarded-proto"])) {
      this.reject(req, res, ctlError(CTL_ERROR.HTTPS_REQUIRED), undefined, id, started);
      return;
    }
    if (declaresTooLarge(req)) {
      this.tooLarge(req, res, id, started);
      return;
    }
    if (method === "GET") {
      this.decide(req, res, queryParams(query), id, started);
      return;
    }
    const type = req.headers["content-type"];
    const encoding = req.headers["content-encoding"];
    // Without a Content-Type only an empty body passes (a POST carrying its parameters in the query).
    readBody(req, BODY_LIMIT_BYTES, type === undefined || isReadableForm(type, encoding))
      .then((body) => {
        if (body.kind === "aborted") {
          this.o.log.debug({ reqId: id }, "client went away before the body was read");
        } else if (body.kind === "too-large") {
          this.tooLarge(req, res, id, started);
        } else if (refusesPostBody(type, encoding, body.text)) {
          this.reject(req, res, ctlError(CTL_ERROR.UNSUPPORTED_MEDIA_TYPE), undefined, id, started);
        } else {
          this.decide(req, res, formParams(body.text, query), id, started);
        }
      })
      .catch((error: unknown) => this.internalError(req, res, error, id, started));
  }

  /** Steps 1-12 (core), then the commit of an accepted request. */
  private decide(req: IncomingMessage, res: ServerResponse, params: RequestParams, id: string, started: number): void {
    const validation = validateRequest(params, this.o.directory, {
      available: this.o.health.available && this.pendingCommits < this.o.maxPendingCommits,
      unavailableRetryAfterSeconds: this.o.unavailableRetryAfterSeconds,
      rateLimit: (request, tenant) =>
        this.o.limiter.check(tenant.name, this.o.rateLimitOf(tenant), this.o.dialledNumber(tenant, request), () => this.clientAddress(req)),
      authFailures: this.authFailures(req),
    });
    // Past validation the answer mode is known: even an unexpected failure goes to back.
    try {
      if (validation.ok) this.commit(req, res, validation, id, started);
      else this.reject(req, res, validation.error, validation.redirect, id, started);
    } catch (error) {
      this.internalError(req, res, error, id, started, ENDPOINT_PATH, validation.redirect);
    }
  }

  /** The client address's failed-authentication record, when a limit applies. */
  private authFailures(req: IncomingMessage): AuthFailures | undefined {
    const limiter = this.o.failedAuth;
    if (limiter === undefined) return undefined;
    return {
      blockedFor: () => {
        const seconds = limiter.blockedFor(this.clientAddress(req));
        if (seconds !== undefined) this.o.metrics.failedAuthBlocked();
        return seconds;
      },
      failed: () => limiter.failed(this.clientAddress(req)),
    };
  }

  private commit(
    req: IncomingMessage,
    res: ServerResponse,
    validation: Extract<Validation, { ok: true }>,
    id: string,
    started: number,
  ): void {
    const { request, redirect } = validation;
    const now = this.o.clock.now();
    const interactionGuid = newInteractionGuid(now);
    const { body, dueAt, expiresAt, state } = planIntake(request, now, interactionGuid);
    const interaction: NewInteraction = {
      interactionGuid,
      tenant: request.tenant,
      callbackType: request.callbackType,
      phone: request.phone,
      request,
      acceptedAt: now,
      dueAt,
      expiresAt,
      state,
    };
    this.pendingCommits++;
    let committed: Promise<void>;
    try {
      committed = this.o.store.addInteraction(interaction);
    } catch (error) {
      committed = Promise.reject(error);
    }
    committed
      .then(
        () => {
          this.commitSettled();
          // The answer leaves only now that the commit has returned.
          this.send(res, forBrowser(req, acceptedAnswer(body, redirect, validation.tenant.redirectWithGuid === true)), id);
          const ms = performance.now() - started;
          this.o.metrics.accepted(ms / 1000);
          this.logLine(req, ENDPOINT_PATH, res.statusCode, undefined, id, ms, interactionGuid);
          this.o.accepted?.(interaction);
        },
        (error: unknown) => {
          this.commitSettled();
          this.o.health.storeFailed(error);
          const unavailable = ctlError(CTL_ERROR.SERVICE_UNAVAILABLE, { retryAfterSeconds: this.o.unavailableRetryAfterSeconds });
          this.reject(req, res, unavailable, undefined, id, started);
        },
      )
      .catch((error: unknown) => this.internalError(req, res, error, id, started, ENDPOINT_PATH, redirect));
  }

  /** 413: the connection closes after it, since the rest of the body is not read. */
  private tooLarge(req: IncomingMessage, res: ServerResponse, id: string, started: number, path = ENDPOINT_PATH): void {
    res.setHeader("connection", "close");
    this.reject(req, res, ctlError(CTL_ERROR.BODY_TOO_LARGE), undefined, id, started, path);
  }

  private commitSettled(): void {
    this.pendingCommits--;
    if (this.pendingCommits === 0 && this.idleWaiters.length > 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private reject(
    req: IncomingMessage,
    res: ServerResponse,
    error: CtlErrorResult,
    redirect: string | undefined,
    id: string,
    started: number,
    path = ENDPOINT_PATH,
  ): void {
    let answer: Answer | undefined;
    if (redirect === undefined && error.detail === undefined && error.retryAfterSeconds === undefined) {
      answer = this.plainErrors.get(error.ctlError);
      if (answer === undefined) {
        answer = errorAnswer(error, undefined);
        this.plainErrors.set(error.ctlError, answer);
      }
    } else {
      answer = errorAnswer(error, redirect);
    }
    this.send(res, forBrowser(req, answer), id);
    const ms = performance.now() - started;
    // Only callback requests count in the request metrics; a refused probe or 404 does not.
    if (path === ENDPOINT_PATH) this.o.metrics.rejected(error.ctlError, ms / 1000);
    this.logLine(req, path, answer.status, error.ctlError, id, ms);
  }

  private send(res: ServerResponse, answer: Answer, id: string): void {
    // While draining, each answer is the connection's last.
    if (this.o.health.isDraining) res.setHeader("connection", "close");
    // One flat list to writeHead: node writes it out directly, without a setHeader per field.
    const head: string[] = [];
    const headers = answer.headers;
    for (const name in headers) head.push(name, headers[name] as string);
    // A known length spares the chunked encoding (and a redirect has no body at all).
    head.push("content-length", answer.body === undefined ? "0" : String(Buffer.byteLength(answer.body)), "x-request-id", id);
    res.writeHead(answer.status, head);
    res.end(answer.body);
  }

  /**
   * Client address for rate limits: the socket's, or behind a trusted proxy the last
   * X-Forwarded-For entry, the one that proxy appended (earlier ones are the client's to invent).
   */
  private clientAddress(req: IncomingMessage): string {
    if (this.o.trustProxy) {
      const forwarded = listEntries(req.headers["x-forwarded-for"]).at(-1);
      if (forwarded !== undefined) return forwarded;
    }
    return req.socket.remoteAddress ?? "unknown";
  }

  /** /healthz, /readyz, /metrics, and 404 for anything else. */
  private other(req: IncomingMessage, res: ServerResponse, path: string, id: string, started: number): void {
    if (!OPS_PATHS.has(path)) {
      this.plain(req, res, 404, '{"error":"not found"}', UNKNOWN_PATH, id, started);
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      this.sendLogged(req, res, methodNotAllowed(OPS_METHODS), path, id, started);
      return;
    }
    if (path === "/healthz") {
      const live = this.o.health.liveness();
      this.plain(req, res, live.status, live.body, path, id, started);
      return;
    }
    const work =
      path === "/readyz"
        ? this.o.health.readiness().then((ready) => this.plain(req, res, ready.status, ready.body, path, id, started))
        : this.o.metrics.text().then((text) => {
            const headers = { "cache-control": NO_STORE, "content-type": this.o.metrics.contentType };
            this.sendLogged(req, res, { status: 200, headers, body: text }, path, id, started);
          });
    work.catch((error: unknown) => this.internalError(req, res, error, id, started, path));
  }

  private plain(req: IncomingMessage, res: ServerResponse, status: number, body: string, path: string, id: string, started: number): void {
    this.sendLogged(req, res, { status, headers: { "cache-control": NO_STORE, "content-type": JSON_TYPE }, body }, path, id, started);
  }

  /** An answer that is not about a callback request, and its log line. */
  private sendLogged(req: IncomingMessage, res: ServerResponse, answer: Answer, path: string, id: string, started: number): void {
    this.send(res, answer, id);
    this.logLine(req, path, answer.status, undefined, id, performance.now() - started);
  }

  /** 19: to `redirect` when the answer mode was known before the failure, else JSON. */
  private internalError(
    req: IncomingMessage,
    res: ServerResponse,
    error: unknown,
    id: string,
    started: number,
    path = ENDPOINT_PATH,
    redirect: string | undefined = undefined,
  ): void {
    this.o.log.error({ reqId: id, err: error }, "unexpected failure");
    if (res.headersSent) {
      res.destroy();
      return;
    }
    this.reject(req, res, ctlError(CTL_ERROR.INTERNAL_ERROR), redirect, id, started, path);
  }

  private logLine(
    req: IncomingMessage,
    path: string,
    status: number,
    code: CtlErrorCode | undefined,
    id: string,
    elapsedMs: number,
    interactionGuid?: string,
  ): void {
    // Probes and scrapes come every few seconds; they are logged at debug level only.
    const probe = path !== ENDPOINT_PATH && status < 400;
    if (!(probe ? this.logsProbes : this.logsRequests)) return;
    const ms = Math.round(elapsedMs * 1000) / 1000;
    const line = { reqId: id, method: req.method, path, status, ctl_error: code, ms, interaction_guid: interactionGuid };
    if (probe) this.o.log.debug(line, "request");
    else this.o.log.info(line, "request");
  }
}

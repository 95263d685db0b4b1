// The partner mock: Prism serves the bundled document, and core's stateless checks run in
// front of it so every answer that needs no state is the service's own answer: the code the
// order of checks picks (Prism serves that code's example), and the 302 to an allowed `back`.
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { getHttpOperationsFromSpec, IHttpConfig, IHttpRequest, PrismHttpInstance } from "@stoplight/prism-http";
import {
  type Answer,
  acceptedAnswer,
  BODY_LIMIT_BYTES,
  CorsOrigins,
  CTL_ERROR,
  type CtlErrorResult,
  ctlError,
  type Directory,
  ENDPOINT_ALLOW,
  ENDPOINT_PATH,
  errorAnswer,
  htmlPage,
  methodNotAllowed,
  PREFLIGHT_HEADERS,
  prefersHtml,
  refusesPostBody,
  SAFE_REQUEST_ID,
  validateRequest,
} from "@webcallback/core";
import { exampleDirectory, LOCAL_BACK_ORIGINS } from "./example-directory.js";
import { asRead, firstValues, mergedParams, withReadParams } from "./read-params.js";

/** What Prism routes requests by. */
type Operations = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>;

/** The bundled document `npm run generate` writes beside this package. */
export const BUNDLED_DOCUMENT = new URL("../generated/webcallback.bundled.json", import.meta.url);

/** @default "127.0.0.1" */
export const DEFAULT_MOCK_HOST = "127.0.0.1";
/** @default 4010 (Prism's own default port) */
export const DEFAULT_MOCK_PORT = 4010;

export interface MockOptions {
  /** @default DEFAULT_MOCK_HOST */
  readonly host?: string;
  /** 0 picks a free port. @default DEFAULT_MOCK_PORT */
  readonly port?: number;
  /** Where Prism's own log lines go; quiet (none) by default. */
  readonly log?: NodeJS.WritableStream;
  /** The directory the stateless checks use; the document's examples by default. */
  readonly directory?: Directory;
  /** Origins whose pages may call the mock with fetch (CORS); by default every back origin of the example directory, else LOCAL_BACK_ORIGINS. */
  readonly corsOrigins?: readonly string[];
}

export interface MockServer {
  readonly url: string;
  readonly server: Server;
  /** Settles once Prism has loaded; answers that need it wait for it, the rest are served at once. */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

export type Document = Record<string, unknown> & { paths: Record<string, Record<string, Record<string, unknown>>> };

/** The document as Prism should serve it: no result callbacks (the mock never posts anywhere). */
export async function loadServedDocument(): Promise<Document> {
  const document = JSON.parse(await readFile(BUNDLED_DOCUMENT, "utf8")) as Document;
  delete document["x-generated"];
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      if (typeof operation === "object" && operation !== null) delete operation.callbacks;
    }
  }
  return document;
}

function parameterExamples(document: Document): Record<string, string> {
  const parameters = ((document.components as Record<string, unknown>)?.parameters ?? {}) as Record<
    string,
    { name: string; example?: unknown }
  >;
  const out: Record<string, string> = {};
  for (const parameter of Object.values(parameters)) {
    if (typeof parameter.example === "string") out[parameter.name] = parameter.example;
  }
  return out;
}

/** The example of the Accepted response whose callback_type matches, so a type-2 request gets a type-2 body. */
function acceptedExampleKeys(document: Document): Map<number, string> {
  const accepted = (document.components as { responses?: Record<string, unknown> })?.responses?.Accepted as
    | { content?: Record<string, { examples?: Record<string, { value?: { callback_type?: number } }> }> }
    | undefined;
  const keys = new Map<number, string>();
  for (const media of Object.values(accepted?.content ?? {})) {
    for (const [key, example] of Object.entries(media.examples ?? {})) {
      const type = example.value?.callback_type;
      if (typeof type === "number" && !keys.has(type)) keys.set(type, key);
    }
  }
  return keys;
}

/** `Prefer: code=400, example=error17` as Prism reads it. */
function preferences(header: string | undefined): { code?: number; example?: string; dynamic?: boolean } {
  const out: { code?: number; example?: string; dynamic?: boolean } = {};
  for (const part of (header ?? "").split(/[,;]/)) {
    const [key, value] = part.split("=").map((s) => s.trim());
    if (value === undefined) continue;
    if (key === "code" && /^[0-9]{3}$/.test(value)) out.code = Number(value);
    if (key === "example") out.example = value;
    if (key === "dynamic") out.dynamic = value === "true";
  }
  return out;
}

/** The body as text, or undefined when it is over the API's limit. */
function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > BODY_LIMIT_BYTES ? undefined : Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, headers: Readonly<Record<string, string>>, body: string | undefined): void {
  res.writeHead(status, { "cache-control": "no-store", ...headers });
  res.end(body);
}

/** Sends `answer`, as core's HTML page when the request is a browser navigation (as the service does). */
function sendAnswer(res: ServerResponse, answer: Answer, html: boolean): void {
  const shown = html && answer.body !== undefined ? htmlPage(answer) : answer;
  send(res, shown.status, shown.headers, shown.body);
}

interface LoadedPrism {
  readonly prism: PrismHttpInstance;
  readonly operations: Operations;
}

/** Prism's modules take most of the start-up, so they load while the port is already open. */
async function loadPrism(document: Document, config: IHttpConfig, log: NodeJS.WritableStream | undefined): Promise<LoadedPrism> {
  const [{ createLogger }, { createInstance, getHttpOperationsFromSpec }] = await Promise.all([
    import("@stoplight/prism-core"),
    import("@stoplight/prism-http"),
  ]);
  const operations = (await getHttpOperationsFromSpec(document)) as Operations;
  const logger = createLogger("MOCK", { level: log === undefined ? "silent" : "info" }, log);
  return { prism: createInstance(config, { logger }), operations };
}

export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const document = await loadServedDocument();
  const examples = options.directory === undefined ? exampleDirectory(parameterExamples(document)) : undefined;
  const directory = options.directory ?? (examples as Directory);
  const cors = new CorsOrigins(options.corsOrigins ?? examples?.allBackOrigins ?? LOCAL_BACK_ORIGINS);
  const acceptedKeys = acceptedExampleKeys(document);
  const base: IHttpConfig = {
    checkSecurity: true,
    validateRequest: true,
    validateResponse: false,
    errors: false,
    isProxy: false,
    upstreamProxy: undefined,
    mock: { dynamic: false },
  };
  const loading = loadPrism(document, base, options.log);
  // Failures surface on the requests that need Prism; this keeps an early one from going unhandled.
  loading.catch(() => undefined);

  /** Lets Prism answer; `chosen` overrides its negotiation (the code core picked, and its example). */
  async function viaPrism(
    res: ServerResponse,
    input: IHttpRequest,
    chosen: { code: number; example: string } | undefined,
    prefer: string | undefined,
    html = false,
  ): Promise<void> {
    const wanted = chosen ?? preferences(prefer);
    // A request core refused may also break the document; Prism would then pick its own 4xx, so it
    // validates only what core accepted.
    const config: IHttpConfig = {
      ...base,
      validateRequest: chosen === undefined,
      checkSecurity: chosen === undefined,
      mock: {
        dynamic: "dynamic" in wanted ? wanted.dynamic === true : false,
        ...(wanted.code === undefined ? {} : { code: wanted.code }),
        ...(wanted.example === undefined ? {} : { exampleKey: wanted.example }),
      },
    };
    const { prism, operations } = await loading;
    const result = await prism.request(input, operations, config)();
    if (result._tag === "Left") {
      const error = result.left as Error & { status?: number; detail?: string };
      send(
        res,
        error.status ?? 500,
        { "content-type": "application/problem+json" },
        JSON.stringify({ title: error.message, status: error.status ?? 500, detail: error.detail ?? "" }),
      );
      return;
    }
    const { output, validations } = result.right;
    const headers = Object.fromEntries(Object.entries(output.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
    // Prism makes up an X-Request-Id from the header's schema; the answer keeps the one handle() set.
    delete headers["x-request-id"];
    const violations = [...validations.input.map((v) => ({ location: ["request", ...(v.path ?? [])], code: v.code, message: v.message }))];
    if (violations.length > 0) headers["sl-violations"] = JSON.stringify(violations).slice(0, 8000);
    const body = output.body === undefined ? undefined : typeof output.body === "string" ? output.body : JSON.stringify(output.body);
    // Prism names no charset; the service's JSON says utf-8.
    if (/^application\/(problem\+)?json$/.test(headers["content-type"] ?? "")) headers["content-type"] += "; charset=utf-8";
    sendAnswer(res, { status: output.statusCode, headers, body }, html && /json/.test(headers["content-type"] ?? ""));
  }

  let requestCount = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // As the service does: the caller's X-Request-Id when it is safe to echo, else one of ours.
    const given = req.headers["x-request-id"];
    res.setHeader(
      "x-request-id",
      typeof given === "string" && SAFE_REQUEST_ID.test(given) ? given : `mock-${(++requestCount).toString(36)}`,
    );
    const url = new URL(req.url ?? "/", "http://mock.invalid");
    const method = (req.method ?? "GET").toLowerCase();
    const read = method === "get" || method === "head" ? "" : await readBody(req);
    const tooLarge = read === undefined;
    const body = read ?? "";
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
    const input: IHttpRequest = {
      method: method as IHttpRequest["method"],
      url: { path: url.pathname, query: firstValues(url.searchParams) },
      headers,
      ...(body === "" ? {} : { body }),
    };
    if (url.pathname === ENDPOINT_PATH) {
      // The service's CORS: a page on an allowed origin may call the endpoint and read its answers.
      const origin = headers.origin;
      for (const [name, value] of Object.entries(cors.headers(origin))) res.setHeader(name, value);
      if (method === "options") {
        const preflight = origin !== undefined && cors.allows(origin) ? PREFLIGHT_HEADERS : {};
        send(res, 204, { allow: ENDPOINT_ALLOW, ...preflight }, undefined);
        return;
      }
      if (method !== "get" && method !== "post") {
        // As the service answers a method the endpoint does not take (Prism's own 405 names none).
        sendAnswer(res, methodNotAllowed(ENDPOINT_ALLOW), false);
        return;
      }
    }
    if (url.pathname !== ENDPOINT_PATH || (method !== "get" && method !== "post")) {
      await viaPrism(res, input, undefined, headers.prefer);
      return;
    }
    // A browser navigation gets the service's HTML page; Prism, which has no HTML examples, is asked for JSON.
    const html = prefersHtml(headers.accept);
    if (html) headers.accept = "application/json";
    // Step 0: what the transport refuses comes first, as on the service.
    const type = headers["content-type"];
    let refused: CtlErrorResult | undefined;
    if (tooLarge) refused = ctlError(CTL_ERROR.BODY_TOO_LARGE);
    else if (method === "post" && refusesPostBody(type, headers["content-encoding"], body))
      refused = ctlError(CTL_ERROR.UNSUPPORTED_MEDIA_TYPE);
    if (refused !== undefined) {
      sendAnswer(res, errorAnswer(refused, undefined), html);
      return;
    }
    // The query and the form merged, the form winning on a clash (CONTRACT.md §1).
    const params = mergedParams(url.searchParams, body);
    const validation = validateRequest(params, directory);
    if (validation.redirect !== undefined) {
      // Redirect mode needs the request's own back URL: the service's answer, built by core.
      const answer = validation.ok ? acceptedAnswer({} as never, validation.redirect) : errorAnswer(validation.error, validation.redirect);
      sendAnswer(res, answer, false);
      return;
    }
    // Prism checks the request the service read.
    const checked = withReadParams(input, asRead(params));
    if (!validation.ok) {
      const code = validation.error.ctlError;
      await viaPrism(res, checked, { code: validation.error.httpStatus, example: `error${code}` }, undefined, html);
      return;
    }
    const prefer = preferences(headers.prefer);
    const example = prefer.example ?? acceptedKeys.get(validation.request.callbackType);
    await viaPrism(
      res,
      checked,
      undefined,
      example === undefined ? headers.prefer : `code=${prefer.code ?? 202}, example=${example}`,
      html,
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { "content-type": "text/plain" }, `mock failed: ${(error as Error).message}`);
      else res.destroy();
    });
  });
  const host = options.host ?? DEFAULT_MOCK_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? DEFAULT_MOCK_PORT, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    server,
    ready: loading.then(() => undefined),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// Prism in proxy (validation) mode in front of a deployment: every request and every answer is
// checked against the document and any disagreement is reported in an `sl-violations` header.
// Prism's own forwarder follows redirects (so a 302 to `back` would be fetched, even off this
// machine); this one hands the 302 back as it came, so redirect-mode answers are validated too.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { getHttpOperationsFromSpec, IHttpConfig, IHttpRequest, IHttpResponse } from "@stoplight/prism-http";
import { BODY_LIMIT_BYTES, ENDPOINT_PATH, refusesPostBody } from "@webcallback/core";
import { loadServedDocument } from "./mock-server.js";
import { asRead, mergedParams, withReadParams } from "./read-params.js";

/** Where a checked request keeps the request as it came, which is what goes upstream. */
const AS_SENT = Symbol("as sent");
/** The path and query and the body's bytes as they came, which is what goes upstream. */
const AS_RECEIVED = Symbol("as received");
interface Received {
  readonly target: string;
  readonly body: Buffer;
}
interface CheckedRequest extends IHttpRequest {
  [AS_SENT]?: CheckedRequest;
  [AS_RECEIVED]?: Received;
}

/**
 * What Prism checks of a callback request: the parameters as the service reads them (a POST's
 * query merged into its form, values trimmed), so a request the service takes as it is
 * written is not reported; anything else is checked as it came.
 */
function asChecked(input: CheckedRequest, search: URLSearchParams, body: string): CheckedRequest {
  const method = input.method;
  if (input.url.path !== ENDPOINT_PATH || (method !== "get" && method !== "post")) return input;
  const headers = input.headers ?? {};
  if (method === "post" && refusesPostBody(headers["content-type"], headers["content-encoding"], body)) return input;
  const checked: CheckedRequest = withReadParams(input, asRead(mergedParams(search, method === "post" ? body : "")));
  checked[AS_SENT] = input;
  return checked;
}

/** What Prism routes requests by. */
type Operations = Awaited<ReturnType<typeof getHttpOperationsFromSpec>>;

export interface ValidationProxyOptions {
  /** The deployment, e.g. http://127.0.0.1:8080. */
  readonly upstream: string;
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

export interface ValidationProxy {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

type Right<A> = { readonly _tag: "Right"; readonly right: A };
type Left<E> = { readonly _tag: "Left"; readonly left: E };

/** Hop-by-hop and length headers are the transport's business; fetch sets them again upstream. */
const NOT_FORWARDED = new Set(["host", "connection", "keep-alive", "transfer-encoding", "content-length"]);
/** An answer's body comes back decoded by fetch, so its Content-Encoding no longer applies either. */
const NOT_RETURNED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

async function forwardOnce(input: CheckedRequest, upstream: string): Promise<Right<IHttpResponse> | Left<Error>> {
  try {
    const received = input[AS_RECEIVED];
    // The upstream reads the request as it came: the same query (repeats and all) and the same bytes.
    const url = new URL(received?.target ?? input.url.path, upstream);
    const headers = Object.fromEntries(Object.entries(input.headers ?? {}).filter(([name]) => !NOT_FORWARDED.has(name)));
    const sent = received?.body ?? (typeof input.body === "string" ? Buffer.from(input.body) : undefined);
    const response = await fetch(url, {
      method: input.method.toUpperCase(),
      headers,
      redirect: "manual",
      ...(sent !== undefined && sent.length > 0 ? { body: sent } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (!NOT_RETURNED.has(name)) out[name] = value;
    });
    let body: unknown = text;
    if (/json/i.test(out["content-type"] ?? "") && text !== "") {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    return { _tag: "Right", right: { statusCode: response.status, headers: out, body: text === "" ? undefined : body } };
  } catch (error) {
    return { _tag: "Left", left: error as Error };
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Past the API's own limit the upstream refuses the body anyway; keep just enough to show it.
      if (size <= BODY_LIMIT_BYTES * 2) chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startValidationProxy(options: ValidationProxyOptions): Promise<ValidationProxy> {
  const document = await loadServedDocument();
  const [{ createLogger }, { createInstance, getHttpOperationsFromSpec }] = await Promise.all([
    import("@stoplight/prism-core"),
    import("@stoplight/prism-http"),
  ]);
  const operations = (await getHttpOperationsFromSpec(document)) as Operations;
  const config: IHttpConfig = {
    checkSecurity: true,
    validateRequest: true,
    validateResponse: true,
    errors: false,
    isProxy: true,
    upstream: new URL(options.upstream),
    upstreamProxy: undefined,
    mock: { dynamic: false },
  };
  const logger = createLogger("PROXY", { level: "silent" });
  const prism = createInstance(config, {
    logger,
    forward: (input: { data: CheckedRequest }) => () => () => forwardOnce(input.data[AS_SENT] ?? input.data, options.upstream),
  } as never);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://proxy.invalid");
    const method = (req.method ?? "GET").toLowerCase();
    const bytes = method === "get" || method === "head" ? Buffer.alloc(0) : await readBody(req);
    const body = bytes.toString("utf8");
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) if (!(name in query)) query[name] = value;
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]));
    const input: CheckedRequest = {
      method: method as IHttpRequest["method"],
      url: { path: url.pathname, query },
      headers,
      ...(body === "" ? {} : { body }),
    };
    // Path and query only: an absolute-form request target must not pick the upstream's host.
    input[AS_RECEIVED] = { target: `${url.pathname}${url.search}`, body: bytes };
    const result = await prism.request(asChecked(input, url.searchParams, body), operations)();
    if (result._tag === "Left") {
      res.writeHead(502, { "content-type": "application/problem+json" });
      res.end(JSON.stringify({ title: result.left.message, status: 502 }));
      return;
    }
    const { output, validations } = result.right;
    const violations = [
      ...validations.input.map((v) => ({ location: ["request", ...(v.path ?? [])], code: v.code, message: v.message })),
      ...validations.output.map((v) => ({ location: ["response", ...(v.path ?? [])], code: v.code, message: v.message })),
    ];
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(output.headers ?? {})) out[name.toLowerCase()] = value;
    if (violations.length > 0) out["sl-violations"] = JSON.stringify(violations).slice(0, 8000);
    const text = output.body === undefined ? undefined : typeof output.body === "string" ? output.body : JSON.stringify(output.body);
    res.writeHead(output.statusCode, out);
    res.end(text);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" }).end(`proxy failed: ${(error as Error).message}`);
      else res.destroy();
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// createWebCallbackClient: local checks, then one request through openapi-fetch, then one
// result shape for JSON and redirect answers. It never retries: a retry could call twice.
import { type components, ENDPOINT_PATH, type paths, type Region, SERVERS } from "@webcallback/core";
import createClient from "openapi-fetch";
import { WebCallbackAnswerError, WebCallbackTransportError } from "./errors.js";
import type { CallbackInput } from "./input.js";
import { checkLocally } from "./local-checks.js";
import { type CallbackParams, encodeInput, encodeParams } from "./params.js";
import { accepted, type CallbackRefused, type CallbackResult, knownCode, refused, retryAfterOf } from "./result.js";

export type Method = "GET" | "POST";

/**
 * How requests travel unless a call says otherwise.
 * @default "POST" — keeps the token out of URLs, server logs and browser history.
 */
export const DEFAULT_METHOD: Method = "POST";

interface ClientOptionsBase {
  readonly tenant: string;
  readonly token: string;
  /** Defaults to globalThis.fetch. */
  readonly fetch?: typeof fetch;
  /** GET with a query string, or POST of an application/x-www-form-urlencoded form. */
  readonly method?: Method;
}

/** Either a base URL, or a region of the document's `servers` (e.g. `na1`, `uk`, `local`). */
export type ClientOptions = ClientOptionsBase &
  ({ readonly baseUrl: string; readonly region?: never } | { readonly region: Region; readonly baseUrl?: never });

export interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Sent as X-Request-Id and logged by the server with the request. */
  readonly requestId?: string;
  readonly method?: Method;
}

export interface WebCallbackClient {
  readonly baseUrl: string;
  /**
   * Checks locally, then sends once. Refusals are results; only transport failures and unreadable
   * answers throw (errors.ts says which of them may be sent again).
   */
  requestCallback(input: CallbackInput, options?: RequestOptions): Promise<CallbackResult>;
  /** The request as a GET URL, shaped like the seed's example URLs: for plain links. */
  buildCallbackUrl(input: CallbackInput): string;
}

type CallbackFields = components["schemas"]["CallbackRequest"];

/** The base URL a client of these options talks to (a region resolved through the document's servers). */
export function baseUrlOf(options: Pick<ClientOptions, "baseUrl" | "region">): string {
  if (options.region !== undefined) {
    if (!Object.hasOwn(SERVERS, options.region)) {
      throw new RangeError(`unknown region ${options.region}`);
    }
    return SERVERS[options.region];
  }
  if (typeof options.baseUrl !== "string" || !/^https?:\/\/[^/]/i.test(options.baseUrl)) {
    throw new TypeError("baseUrl must be an absolute http(s) URL");
  }
  return options.baseUrl.replace(/\/+$/, "");
}

/** What the server may append to back: its code on a refusal, the guid on success when the tenant opts in. */
const APPENDED = /[?&](ctl_error|ctl_interaction_guid)=([^&]*)$/;

/**
 * The outcome a redirect carries, or an answer error. Only a redirect to the `back` this request
 * sent is the server's answer: anything else (a proxy's http->https 301, a redirect elsewhere, one
 * when no back was sent) says nothing about the request, which may even have been accepted.
 */
function fromRedirect(response: Response, back: string | undefined, base: string): CallbackResult {
  const { status } = response;
  const location = response.headers.get("location");
  if (location === null) throw new WebCallbackAnswerError("redirect without a Location", status);
  const url = urlOf(location, base);
  if (url === undefined) throw new WebCallbackAnswerError(`unreadable Location ${location}`, status);
  // The server trims back, and percent-encodes its spaces and non-ASCII characters in Location:
  // both sides are compared as the URL parser serialises them.
  const sent = back === undefined ? undefined : urlOf(back.trim());
  if (sent === undefined) throw new WebCallbackAnswerError(`redirect to ${url.href} although no back was sent`, status);
  if (url.href === sent.href) return accepted(undefined);
  const hashAt = url.href.indexOf("#");
  const head = hashAt === -1 ? url.href : url.href.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : url.href.slice(hashAt);
  const appended = APPENDED.exec(head);
  const rest = head.slice(0, appended?.index);
  // The server writes `&` after a query of its own, nothing after a `?` or `&` that back ends with.
  const backs = appended === null ? [] : [`${rest}${fragment}`, `${rest}${appended[0].charAt(0)}${fragment}`];
  if (appended === null || !backs.includes(sent.href)) throw new WebCallbackAnswerError(`redirect to ${url.href}, not to back`, status);
  const [whole, name] = appended;
  const value = new URLSearchParams(whole.slice(1)).get(name ?? "") ?? "";
  if (name === "ctl_interaction_guid") return accepted(value);
  const code = knownCode(value);
  if (code === undefined) throw new WebCallbackAnswerError(`unknown ctl_error ${value}`, status);
  return refused(code, undefined, undefined, retryAfterOf(response));
}

/** An absolute URL, or undefined for text the URL parser refuses. */
function urlOf(text: string, base?: string): URL | undefined {
  try {
    return new URL(text, base);
  } catch {
    return undefined;
  }
}

function fromJson(response: Response, body: unknown): CallbackResult {
  const { status } = response;
  const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (status === 202 && fields.status === "accepted" && typeof fields.interaction_guid === "string") {
    return accepted(fields.interaction_guid);
  }
  const code = knownCode(fields.ctl_error);
  if (status >= 400 && code !== undefined) {
    return refused(code, typeof fields.message === "string" ? fields.message : undefined, status, retryAfterOf(response));
  }
  throw new WebCallbackAnswerError(`unexpected HTTP ${status}`, status);
}

/** The request as ordered name/value pairs: for the hidden fields of an HTML form. */
export function buildCallbackParams(
  credentials: { readonly tenant: string; readonly token: string },
  input: CallbackInput,
): CallbackParams {
  return encodeInput(credentials.tenant, credentials.token, input).params;
}

/** The refusal the server would certainly give (10, 11, 12, 14, 16, 17, 101, 102), found without sending, or undefined. */
export function checkCallback(input: CallbackInput): CallbackRefused | undefined {
  return checkLocally(encodeInput("", "", input));
}

export function createWebCallbackClient(options: ClientOptions): WebCallbackClient {
  const baseUrl = baseUrlOf(options);
  const { tenant, token } = options;
  // Each request passes its own fetch (fetchOnce below), so none is given here.
  const api = createClient<paths>({ baseUrl });

  const send = async (input: CallbackInput, params: CallbackParams, request: RequestOptions): Promise<CallbackResult> => {
    const fields = Object.fromEntries(params) as CallbackFields;
    const encoded = encodeParams(params);
    // No Accept header: fetch sends */*, which the server answers in JSON.
    const headers: Record<string, string> = {};
    if (request.requestId !== undefined) headers["x-request-id"] = request.requestId;
    // Set once the answer's head arrived: a failure after that (a 202 whose body is not JSON, a
    // body cut off) is an answer error, not a transport error, as the request may be accepted.
    let arrived: Response | undefined;
    const fetchOnce = async (sent: Request) => {
      arrived = await (options.fetch ?? globalThis.fetch)(sent);
      return arrived;
    };
    const common = {
      redirect: "manual",
      headers,
      fetch: fetchOnce,
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    } as const;
    let answer: { data?: unknown; error?: unknown; response: Response };
    try {
      answer =
        (request.method ?? options.method ?? DEFAULT_METHOD) === "GET"
          ? await api.GET(ENDPOINT_PATH, { ...common, params: { query: fields }, querySerializer: () => encoded })
          : await api.POST(ENDPOINT_PATH, {
              ...common,
              headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
              body: fields,
              bodySerializer: () => encoded,
            });
    } catch (error) {
      const response = arrived as Response | undefined;
      if (response !== undefined)
        throw new WebCallbackAnswerError(`unreadable HTTP ${response.status} answer`, response.status, { cause: error });
      throw new WebCallbackTransportError(`request to ${baseUrl} failed`, { cause: error });
    }
    const { response } = answer;
    if (response.type === "opaqueredirect") {
      // A browser hides a redirect's Location from fetch: only navigations can use back. Not
      // knowing whether it was accepted, the caller must not resend (that could call twice).
      throw new WebCallbackAnswerError("a browser cannot read the redirect to back (the request may be accepted); leave back out", 0);
    }
    if (response.status >= 300 && response.status < 400) return fromRedirect(response, input.back, baseUrl);
    return fromJson(response, answer.data ?? answer.error);
  };

  return {
    baseUrl,
    async requestCallback(input, request = {}) {
      const encoded = encodeInput(tenant, token, input);
      const failure = checkLocally(encoded);
      if (failure !== undefined) return failure;
      return send(input, encoded.params, request);
    },
    buildCallbackUrl(input) {
      return `${baseUrl}${ENDPOINT_PATH}?${encodeParams(encodeInput(tenant, token, input).params)}`;
    },
  };
}

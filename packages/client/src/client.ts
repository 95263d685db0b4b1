// createWebCallbackClient: local checks, then one request through openapi-fetch, then one
// result shape for JSON and redirect answers. It never retries: a retry could call twice.
import { type components, ENDPOINT_PATH, type paths, type Region, SERVERS } from "@webcallback/core";
import createClient from "openapi-fetch";
import { WebCallbackAnswerError, WebCallbackTransportError } from "./errors.js";
import type { CallbackInput } from "./input.js";
import { checkLocally } from "./local-checks.js";
import { type CallbackParams, encodeInput, encodeParams } from "./params.js";
import { accepted, type CallbackRefused, type CallbackResult, knownCode, refused } from "./result.js";

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
  /** Checks locally, then sends once. Refusals are results; only transport failures and unreadable answers throw. */
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

/** The ctl_error appended to a redirect's Location, or undefined on success. */
function fromLocation(location: string, base: string): CallbackResult {
  let url: URL;
  try {
    url = new URL(location, base);
  } catch (error) {
    throw new WebCallbackAnswerError("unreadable Location", 302, { cause: error });
  }
  // The server appends its parameter last; an earlier one may be the page's own.
  const codeText = url.searchParams.getAll("ctl_error").at(-1);
  if (codeText === undefined) return accepted(url.searchParams.getAll("ctl_interaction_guid").at(-1));
  const code = knownCode(codeText);
  if (code === undefined) throw new WebCallbackAnswerError(`unknown ctl_error ${codeText}`, 302);
  return refused(code);
}

function fromJson(status: number, body: unknown): CallbackResult {
  const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (status === 202 && fields.status === "accepted" && typeof fields.interaction_guid === "string") {
    return accepted(fields.interaction_guid);
  }
  const code = knownCode(fields.ctl_error);
  if (status >= 400 && code !== undefined) return refused(code, typeof fields.message === "string" ? fields.message : undefined, status);
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
  // Without a fetch of its own, openapi-fetch uses globalThis.fetch.
  const api = createClient<paths>(options.fetch === undefined ? { baseUrl } : { baseUrl, fetch: options.fetch });

  const send = async (input: CallbackInput, params: CallbackParams, request: RequestOptions): Promise<CallbackResult> => {
    const fields = Object.fromEntries(params) as CallbackFields;
    const encoded = encodeParams(params);
    // No Accept header: fetch sends */*, which the server answers in JSON.
    const headers: Record<string, string> = {};
    if (request.requestId !== undefined) headers["x-request-id"] = request.requestId;
    const common = { redirect: "manual", headers, ...(request.signal === undefined ? {} : { signal: request.signal }) } as const;
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
      throw new WebCallbackTransportError(`request to ${baseUrl} failed`, { cause: error });
    }
    const { response } = answer;
    if (response.type === "opaqueredirect") {
      // A browser hides a redirect's Location from fetch: only navigations can use back. Not
      // knowing whether it was accepted, the caller must not resend (that could call twice).
      throw new WebCallbackAnswerError("a browser cannot read the redirect to back (the request may be accepted); leave back out", 0);
    }
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get("location");
      if (location === null) throw new WebCallbackAnswerError("redirect without a Location", response.status);
      return fromLocation(location, input.back ?? baseUrl);
    }
    return fromJson(response.status, answer.data ?? answer.error);
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

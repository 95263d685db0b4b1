// Sends one request exactly as described and reads the answer without following redirects.
import { ENDPOINT_PATH } from "@webcallback/core";

export type Params = Readonly<Record<string, string>>;
export type Method = "GET" | "POST";

export interface Sent {
  /** OPTIONS only for a CORS preflight, which carries no parameters. */
  readonly method: Method | "OPTIONS";
  /** Query string for a GET (and an optional one for a POST), without `?`. */
  readonly query: string;
  /** The form body of a POST. */
  readonly body?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Received {
  readonly status: number;
  readonly headers: Headers;
  readonly location: string | null;
  readonly text: string;
  /** The body when it is JSON, else undefined. */
  readonly json: unknown;
}

/** How long one request may take before the case fails. @default 10000 */
export const REQUEST_TIMEOUT_MS = 10_000;

export function encode(params: Params): string {
  return new URLSearchParams(params as Record<string, string>).toString();
}

/** A GET with `params` in the query, or a POST with them as the form body. */
export function request(method: Method, params: Params, extra: { query?: Params; headers?: Record<string, string> } = {}): Sent {
  if (method === "GET") return { method, query: encode(params), ...(extra.headers ? { headers: extra.headers } : {}) };
  return {
    method,
    query: extra.query === undefined ? "" : encode(extra.query),
    body: encode(params),
    headers: { "content-type": "application/x-www-form-urlencoded", ...extra.headers },
  };
}

/** Why a request got no answer: fetch's own message hides the cause (ECONNREFUSED, a timeout). */
export function noAnswer(error: unknown): string {
  const { message, cause } = error as Error & { cause?: Error & { code?: string } };
  if (error instanceof Error && error.name === "TimeoutError") return `no answer: ${message}`;
  const detail = cause?.code ?? cause?.message;
  return `no answer: ${message}${detail === undefined ? "" : ` (${detail})`}`;
}

/**
 * Why the target gives no answer at all (refused, timed out), or undefined when it answers
 * anything: a run against a dead target then fails every case at once instead of case by case.
 */
export async function unreachable(baseUrl: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<string | undefined> {
  try {
    await send(baseUrl, { method: "GET", query: "" }, timeoutMs);
    return undefined;
  } catch (error) {
    return `${noAnswer(error)} from ${baseUrl}${ENDPOINT_PATH}; no case was sent`;
  }
}

export async function send(baseUrl: string, sent: Sent, timeoutMs = REQUEST_TIMEOUT_MS): Promise<Received> {
  const url = `${baseUrl.replace(/\/+$/, "")}${ENDPOINT_PATH}${sent.query === "" ? "" : `?${sent.query}`}`;
  const response = await fetch(url, {
    method: sent.method,
    redirect: "manual",
    headers: { accept: "application/json", ...sent.headers },
    ...(sent.body === undefined ? {} : { body: sent.body }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let json: unknown;
  if (/json/i.test(response.headers.get("content-type") ?? "")) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  return { status: response.status, headers: response.headers, location: response.headers.get("location"), text, json };
}

const SHOWN = 300;

function clip(text: string): string {
  return text.length > SHOWN ? `${text.slice(0, SHOWN)}… (${text.length} characters)` : text;
}

export function describeSent(sent: Sent): string {
  const query = sent.query === "" ? "" : `?${sent.query}`;
  const type = sent.headers?.["content-type"];
  const body = sent.body === undefined ? "" : `\n      ${type ? `content-type: ${type}\n      ` : ""}${clip(sent.body)}`;
  return `${sent.method} ${ENDPOINT_PATH}${clip(query)}${body}`;
}

export function describeReceived(received: Received): string {
  const location = received.location === null ? "" : ` Location: ${received.location}`;
  const violations = received.headers.get("sl-violations");
  return `${received.status}${location}${received.text === "" ? "" : ` ${clip(received.text)}`}${violations ? `\n      sl-violations: ${clip(violations)}` : ""}`;
}

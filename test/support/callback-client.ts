// Sends web callback requests over real HTTP as GET or form POST and reads the answer without
// following redirects, so tests see exactly what the server said.

import { ENDPOINT_PATH } from "@webcallback/core";

export type Params = Readonly<Record<string, string>>;
export type Method = "GET" | "POST";

export const ENDPOINT = ENDPOINT_PATH;
/** A back URL the demo tenants all allow (`http://127.0.0.1:*`); nothing listens on port 9. */
export const LOOPBACK_BACK = "http://127.0.0.1:9/done";

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly location: string | null;
  readonly text: string;
  /** The JSON body, or undefined when the body is not JSON. */
  readonly json: unknown;
}

export async function reply(response: Response): Promise<Reply> {
  const text = await response.text();
  let json: unknown;
  if (response.headers.get("content-type")?.startsWith("application/json")) json = JSON.parse(text);
  return { status: response.status, headers: response.headers, location: response.headers.get("location"), text, json };
}

export interface SendOptions {
  readonly method?: Method;
  readonly headers?: Readonly<Record<string, string>>;
  /** Extra query string for a POST (merged by the server; the body wins). */
  readonly query?: string;
}

/** Sends `params` as a GET query or as an application/x-www-form-urlencoded POST body. */
export async function send(baseUrl: string, params: Params, options: SendOptions = {}): Promise<Reply> {
  const encoded = new URLSearchParams(params).toString();
  if ((options.method ?? "GET") === "GET") {
    return reply(await fetch(`${baseUrl}${ENDPOINT}?${encoded}`, { redirect: "manual", headers: options.headers ?? {} }));
  }
  const query = options.query === undefined ? "" : `?${options.query}`;
  return reply(
    await fetch(`${baseUrl}${ENDPOINT}${query}`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers },
      body: encoded,
    }),
  );
}

/** `params` with `changes` applied; a null change removes the parameter. */
export function given(params: Params, changes: Readonly<Record<string, string | null>> = {}): Params {
  const merged: Record<string, string | null> = { ...params, ...changes };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null));
}

// The parameters of a callback request as the service reads them (CONTRACT.md §1), so that
// Prism checks what the service checks: the query and the form merged (the form winning),
// the first of a repeated name, the document's names only, values trimmed, blanks absent.
import type { IHttpRequest } from "@stoplight/prism-http";
import { PARAMETERS } from "@webcallback/core";

const KNOWN = new Set<string>(PARAMETERS.map((p) => p.name));

/** The first value of each name: the service lets the first of a repeated name win. */
export function firstValues(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of search) if (!(key in out)) out[key] = value;
  return out;
}

/** The query's parameters with the form's over them. */
export function mergedParams(query: URLSearchParams, form: string): Record<string, string> {
  return { ...firstValues(query), ...(form === "" ? {} : firstValues(new URLSearchParams(form))) };
}

/** Only the document's parameters, exact names (Prism reads names without case), trimmed, blank ones dropped. */
export function asRead(params: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const trimmed = value.trim();
    if (KNOWN.has(name) && trimmed !== "") out[name] = trimmed;
  }
  return out;
}

/** `input` carrying `read` the way Prism checks it: a GET's query, or a POST's form holding every parameter. */
export function withReadParams(input: IHttpRequest, read: Readonly<Record<string, string>>): IHttpRequest {
  if (input.method === "get") return { ...input, url: { ...input.url, query: { ...read } } };
  return {
    ...input,
    url: { ...input.url, query: {} },
    headers: { ...input.headers, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(read).toString(),
  };
}

// Valid base requests and the change that breaks each rule, all read from the document's examples.
import { type CtlErrorCode, ERROR_EXAMPLES, REQUEST_EXAMPLES } from "@webcallback/core";
import type { Params } from "./http-client.js";

type Example = keyof typeof REQUEST_EXAMPLES;

function strings(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

/** A seed example as sent, without its back (so the answer is JSON) unless asked. */
export function seedExample(name: Example): Record<string, string> {
  return strings(REQUEST_EXAMPLES[name].value);
}

export const SEED_EXAMPLES = Object.keys(REQUEST_EXAMPLES) as Example[];

function withoutPresentation(params: Record<string, string>): Record<string, string> {
  const { back: _back, caller_id: _caller, ...rest } = params;
  return rest;
}

/** The smallest valid request of each type: the seed's examples 1 and 3 without back and caller_id. */
export function baseRequest(type: 1 | 2): Record<string, string> {
  const found = SEED_EXAMPLES.map(seedExample).find(
    (p) => p.callback_type === String(type) && p.callback_delay === undefined && p.expiration === undefined,
  );
  if (found === undefined) throw new Error(`the document has no plain type-${type} example`);
  return withoutPresentation(found);
}

export interface Breaker {
  readonly code: CtlErrorCode;
  /** The example's x-request. */
  readonly request: Params;
  /** The base request of its callback type. */
  readonly type: 1 | 2;
  /** Parameters the x-request sets differently from the base. */
  readonly set: Readonly<Record<string, string>>;
  /** Parameters of the base the x-request leaves out. */
  readonly remove: readonly string[];
}

/** Every error code a request alone provokes, with the change to a valid request that provokes it. */
export function breakers(): Breaker[] {
  const out: Breaker[] = [];
  for (const example of ERROR_EXAMPLES) {
    if (example.request === null) continue;
    const request = strings(example.request);
    const type = request.callback_type === "2" ? 2 : 1;
    const base = baseRequest(type);
    const set = Object.fromEntries(Object.entries(request).filter(([k, v]) => base[k] !== v));
    const remove = Object.keys(base).filter((k) => !(k in request));
    out.push({ code: example.code as CtlErrorCode, request, type, set, remove });
  }
  return out;
}

/** `params` with `set` applied and `remove` taken out. */
export function apply(params: Params, set: Readonly<Record<string, string>>, remove: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = { ...params, ...set };
  for (const key of remove) delete out[key];
  return out;
}

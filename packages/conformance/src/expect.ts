// What an answer must look like (CONTRACT.md section 2), as lists of problems: empty means conformant.
import { CATALOGUE, type CtlErrorCode, withCtlError } from "@webcallback/core";
import type { Received } from "./http-client.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function common(received: Received): string[] {
  const problems: string[] = [];
  if (received.headers.get("cache-control") !== "no-store") {
    problems.push(`Cache-Control must be no-store (CONTRACT §2), got ${JSON.stringify(received.headers.get("cache-control"))}`);
  }
  return problems;
}

export type Mode = { readonly redirect: string } | "json";

/** An accepted request: 202 JSON with the callback type, or a 302 to `back` unchanged. */
export function expectAccepted(received: Received, callbackType: 1 | 2, mode: Mode): string[] {
  const problems = common(received);
  if (mode !== "json") {
    if (received.status !== 302) problems.push(`expected 302 to back (accepted, redirect mode), got HTTP ${received.status}`);
    else if (received.location !== mode.redirect) {
      problems.push(`Location must be back unchanged on success: want ${mode.redirect}, got ${received.location}`);
    }
    return problems;
  }
  if (received.status !== 202) {
    const code = (received.json as { ctl_error?: unknown } | undefined)?.ctl_error;
    problems.push(`expected 202 Accepted, got HTTP ${received.status}${code === undefined ? "" : ` with ctl_error ${String(code)}`}`);
    return problems;
  }
  const body = received.json as { status?: unknown; interaction_guid?: unknown; callback_type?: unknown } | undefined;
  if (body === undefined) return [...problems, "the 202 body must be JSON (components.schemas.Accepted)"];
  if (body.status !== "accepted") problems.push(`body.status must be "accepted", got ${JSON.stringify(body.status)}`);
  if (typeof body.interaction_guid !== "string" || !UUID.test(body.interaction_guid)) {
    problems.push(`body.interaction_guid must be a UUID, got ${JSON.stringify(body.interaction_guid)}`);
  }
  if (body.callback_type !== callbackType)
    problems.push(`body.callback_type must be ${callbackType}, got ${JSON.stringify(body.callback_type)}`);
  return problems;
}

/** A refused request: the catalogue's status and message in JSON, or a 302 with ctl_error appended. */
export function expectError(received: Received, code: CtlErrorCode, mode: Mode): string[] {
  const problems = common(received);
  const entry = CATALOGUE[code];
  if (mode !== "json" && !entry.alwaysJson) {
    const want = withCtlError(mode.redirect, code);
    if (received.status !== 302) {
      const got = (received.json as { ctl_error?: unknown } | undefined)?.ctl_error;
      problems.push(
        `expected 302 to back with ctl_error=${code}, got HTTP ${received.status}${got === undefined ? "" : ` with ctl_error ${String(got)}`}`,
      );
    } else if (received.location !== want) {
      problems.push(`Location must be back with ctl_error=${code} appended: want ${want}, got ${received.location}`);
    }
    return problems;
  }
  const body = received.json as { ctl_error?: unknown; message?: unknown } | undefined;
  if (body === undefined) {
    problems.push(`expected a JSON error (ctl_error ${code}, HTTP ${entry.httpStatus}), got HTTP ${received.status} without a JSON body`);
    return problems;
  }
  if (body.ctl_error !== code) problems.push(`expected ctl_error ${code} (${entry.name}), got ${JSON.stringify(body.ctl_error)}`);
  if (received.status !== entry.httpStatus) problems.push(`ctl_error ${code} answers HTTP ${entry.httpStatus}, got ${received.status}`);
  if (body.ctl_error === code && body.message !== entry.message) {
    problems.push(`ctl_error ${code}'s message is ${JSON.stringify(entry.message)}, got ${JSON.stringify(body.message)}`);
  }
  if (received.location !== null) problems.push(`a JSON-mode answer carries no Location, got ${received.location}`);
  return problems;
}

/** Refused somehow (any 4xx, or a redirect with some ctl_error): for values the document calls invalid. */
export function expectRefused(received: Received): string[] {
  if (received.status >= 400 && received.status < 500) return common(received);
  if (received.status === 302 && /[?&]ctl_error=[0-9]+/.test(received.location ?? "")) return common(received);
  return [`the document calls this request invalid, so it must be refused; got HTTP ${received.status}`];
}

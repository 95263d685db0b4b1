// The one result shape, whether the server answered in JSON or with a redirect to `back`.
import { CTL_ERROR_MESSAGES, type CtlErrorCode } from "@webcallback/core";

export interface CallbackAccepted {
  readonly ok: true;
  /** From the JSON answer, or from `back` when the tenant opted in to redirectWithGuid. */
  readonly interactionGuid?: string;
}

export interface CallbackRefused {
  readonly ok: false;
  readonly ctlError: CtlErrorCode;
  readonly message: string;
  /** The status the error carries in JSON mode (also for a redirect, which itself is a 302). */
  readonly httpStatus: number;
}

export type CallbackResult = CallbackAccepted | CallbackRefused;

/** A known code, or undefined for anything the catalogue does not list. */
export function knownCode(value: unknown): CtlErrorCode | undefined {
  const code = typeof value === "string" && /^[0-9]{1,4}$/.test(value) ? Number(value) : value;
  return typeof code === "number" && Object.hasOwn(CTL_ERROR_MESSAGES, code) ? (code as CtlErrorCode) : undefined;
}

/** A refusal with the catalogue's message and status, unless the server's answer said otherwise. */
export function refused(code: CtlErrorCode, message?: string, status?: number): CallbackRefused {
  const [text, httpStatus] = CTL_ERROR_MESSAGES[code];
  return { ok: false, ctlError: code, message: message ?? text, httpStatus: status ?? httpStatus };
}

export function accepted(interactionGuid: string | undefined | null): CallbackAccepted {
  return interactionGuid ? { ok: true, interactionGuid } : { ok: true };
}

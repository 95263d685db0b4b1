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
  /** Seconds to wait before sending again, when the answer carried Retry-After as whole seconds (15, 106). */
  readonly retryAfterSeconds?: number;
}

export type CallbackResult = CallbackAccepted | CallbackRefused;

/** A known code, or undefined for anything the catalogue does not list. */
export function knownCode(value: unknown): CtlErrorCode | undefined {
  const code = typeof value === "string" && /^[0-9]{1,4}$/.test(value) ? Number(value) : value;
  return typeof code === "number" && Object.hasOwn(CTL_ERROR_MESSAGES, code) ? (code as CtlErrorCode) : undefined;
}

/** A refusal with the catalogue's message and status, unless the server's answer said otherwise. */
export function refused(code: CtlErrorCode, message?: string, status?: number, retryAfterSeconds?: number): CallbackRefused {
  const [text, httpStatus] = CTL_ERROR_MESSAGES[code];
  const failure: CallbackRefused = { ok: false, ctlError: code, message: message ?? text, httpStatus: status ?? httpStatus };
  return retryAfterSeconds === undefined ? failure : { ...failure, retryAfterSeconds };
}

/** Retry-After as a whole number of seconds; undefined when absent or another form (an HTTP date). */
export function retryAfterOf(response: Response): number | undefined {
  const value = response.headers.get("retry-after")?.trim();
  const seconds = value !== undefined && /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(seconds) ? seconds : undefined;
}

export function accepted(interactionGuid: string | undefined | null): CallbackAccepted {
  return interactionGuid ? { ok: true, interactionGuid } : { ok: true };
}

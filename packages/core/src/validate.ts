// The order of checks (CONTRACT.md section 3, x-webcallback-order-of-checks): raw
// parameters in, a normalized request or the first failing rule out. Never throws.
import type { Directory, DirectoryTenant } from "./directory.js";
import { CATALOGUE, CTL_ERROR, type CtlErrorCode } from "./generated/catalogue.js";
import { CALLBACK_TYPES, DIALPLAN_ID_PATTERN, EXT_TRANSACTION_DATA_MAX_LENGTH, NUMERIC_PATTERN, PHONE_PATTERN } from "./generated/rules.js";
import { type Pair, type PairListProblem, parseUserData, splitPairs } from "./pairs.js";
import type { CallbackRequest, CallerId, RequestParams } from "./request.js";
import { isAllowedBack, isAllowedCallbackUrl, parseHttpUrl } from "./urls.js";

/** A rejected request: which rule failed, as the catalogue states it. */
export interface CtlErrorResult {
  readonly ctlError: CtlErrorCode;
  readonly message: string;
  readonly httpStatus: number;
  /** Where a pair list went wrong (101, 102). */
  readonly detail?: string;
  /** Seconds, for 15 and 106. */
  readonly retryAfterSeconds?: number;
}

export type Validation =
  | {
      readonly ok: true;
      readonly request: CallbackRequest;
      readonly tenant: DirectoryTenant;
      /** Where to send the visitor (redirect mode), or undefined for JSON mode. */
      readonly redirect: string | undefined;
    }
  | { readonly ok: false; readonly error: CtlErrorResult; readonly redirect: string | undefined };

/** The stateful parts of the checks, injected by whoever runs the validator. */
export interface ValidateOptions {
  /** Step 1: whether the service can take a request now (store writable, not draining). */
  readonly available?: boolean;
  /** Step 1: seconds for Retry-After when unavailable. */
  readonly unavailableRetryAfterSeconds?: number;
  /** Step 11: seconds to wait when the request is over a rate limit, else undefined. */
  readonly rateLimit?: (request: CallbackRequest, tenant: DirectoryTenant) => number | undefined;
  /** Step 4: the failed-authentication limit of the client's address, when one applies. */
  readonly authFailures?: AuthFailures | undefined;
}

/** The client address's record of failed token checks (CONTRACT.md section 3, step 4). */
export interface AuthFailures {
  /** Seconds until the address may try a token again, or undefined when it may now. */
  blockedFor(): number | undefined;
  /** The token check failed: count it against the address. */
  failed(): void;
}

/** How a failure is answered, once the tenant and `back` are known (redirect mode or JSON). */
interface AnswerMode {
  redirect: string | undefined;
}

export function ctlError(code: CtlErrorCode, extra?: { detail?: string; retryAfterSeconds?: number }): CtlErrorResult {
  const entry = CATALOGUE[code];
  return { ctlError: code, message: entry.message, httpStatus: entry.httpStatus, ...extra };
}

/** A parameter's value: trimmed, and undefined when empty. */
function param(params: RequestParams, name: string): string | undefined {
  const raw = params[name];
  // Stryker disable next-line ConditionalExpression,StringLiteral: fast path: an empty value also trims to nothing below
  if (raw === undefined || raw === "") return undefined;
  // Most values start and end with a printable ASCII character: nothing to trim, no scan.
  const first = raw.charCodeAt(0);
  // Stryker disable next-line ArithmeticOperator: past the end reads NaN, which only skips the fast path
  const last = raw.charCodeAt(raw.length - 1);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: fast path: trim() keeps DEL and gives the same value; its skipping halves are killed by tests
  if (first > 32 && first < 127 && last > 32 && last < 127) return raw;
  const value = raw.trim();
  return value === "" ? undefined : value;
}

// About 100 years: keeps a huge delay a valid date instead of Infinity.
const MAX_SECONDS = 3_153_600_000;

/** Seconds from a numeric value: fractions round up, 0 or less means none. */
function wholeSeconds(value: string): number {
  const seconds = Math.ceil(Number(value));
  return Math.min(Math.max(seconds, 0), MAX_SECONDS);
}

function codePointLength(value: string): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: fast path: the count below gives the same verdict
  if (value.length <= EXT_TRANSACTION_DATA_MAX_LENGTH) return value.length;
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is one code point (past the end, charCodeAt gives NaN: no low surrogate).
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

function digitsOf(phone: string): string {
  let digits = "";
  // Stryker disable next-line EqualityOperator: one step past the end reads NaN, which is no digit
  for (let i = 0; i < phone.length; i++) {
    const c = phone.charCodeAt(i);
    // Stryker disable next-line ConditionalExpression: PHONE_PATTERN admits nothing above "9", so the upper bound never decides; the lower one is killed
    if (c >= 48 && c <= 57) digits += phone[i];
  }
  return digits;
}

function chooseCallerId(value: string | undefined, type: 1 | 2, tenant: DirectoryTenant): CallerId {
  if (value === "Anonymous") return { kind: "anonymous" };
  if (value === "-1" && type === 2) return { kind: "agent-default" };
  // Stryker disable next-line ConditionalExpression: no channel is numbered undefined
  if (value !== undefined && tenant.channel(value) !== undefined) return { kind: "channel", number: value };
  return { kind: "tenant-default", number: tenant.defaultCallerId };
}

const EMPTY: readonly Pair[] = [];

type Failure = { readonly ok: false; readonly error: CtlErrorResult; readonly redirect: string | undefined };

function fail(code: CtlErrorCode, redirect: string | undefined, extra?: { detail?: string; retryAfterSeconds?: number }): Failure {
  return { ok: false, error: ctlError(code, extra), redirect: CATALOGUE[code].alwaysJson ? undefined : redirect };
}

function pairListProblem(code: CtlErrorCode, problem: PairListProblem, redirect: string | undefined): Failure {
  return fail(code, redirect, { detail: problem.message });
}

function check(params: RequestParams, directory: Directory, options: ValidateOptions, mode: AnswerMode): Validation {
  // 1. 15: the service can take the request (always JSON: the tenant is not known yet).
  if (options.available === false) {
    return fail(CTL_ERROR.SERVICE_UNAVAILABLE, undefined, { retryAfterSeconds: options.unavailableRetryAfterSeconds ?? 5 });
  }

  // The answer mode is known once the tenant is: redirect only to an origin it allows.
  const tenantName = param(params, "tenant");
  // Stryker disable next-line ConditionalExpression: no tenant is named undefined
  const tenant = tenantName === undefined ? undefined : directory.tenant(tenantName);
  const back = param(params, "back");
  const redirect = tenant !== undefined && back !== undefined && isAllowedBack(back, tenant.allowedBackOrigins) ? back : undefined;
  // From here on even an unexpected failure (19) is answered in this mode.
  mode.redirect = redirect;

  // 2-4. 1, 2, 3: tenant, web callback, token (106 first for an address over its failed-auth limit).
  if (tenant === undefined || !tenant.enabled) return fail(CTL_ERROR.TENANT_NOT_ENABLED, redirect);
  if (!tenant.webCallbackEnabled) return fail(CTL_ERROR.WEB_CALLBACK_NOT_ENABLED, redirect);
  const blockedFor = options.authFailures?.blockedFor();
  if (blockedFor !== undefined) return fail(CTL_ERROR.RATE_LIMITED, redirect, { retryAfterSeconds: blockedFor });
  const token = param(params, "token");
  if (token === undefined || !tenant.tokenMatches(token)) {
    options.authFailures?.failed();
    return fail(CTL_ERROR.INVALID_TOKEN, redirect);
  }

  // 5. 104: a back that is present must be allowed.
  if (back !== undefined && redirect === undefined) return fail(CTL_ERROR.BACK_NOT_ALLOWED, undefined);

  // 6. 17: 1-15 digits after the leading + and separators.
  const phone = param(params, "phone");
  // Stryker disable next-line ConditionalExpression: the pattern refuses undefined (read as the text "undefined") too
  if (phone === undefined || !PHONE_PATTERN.test(phone)) return fail(CTL_ERROR.MISSING_PHONE, redirect);

  // 7. 10, 14: callback_type exactly 1 or 2.
  const typeText = param(params, "callback_type");
  if (typeText === undefined) return fail(CTL_ERROR.MISSING_CALLBACK_TYPE, redirect);
  if (!(CALLBACK_TYPES as readonly string[]).includes(typeText)) return fail(CTL_ERROR.UNKNOWN_CALLBACK_TYPE, redirect);
  const callbackType = typeText === "1" ? 1 : 2;

  // Stryker disable next-line StringLiteral: overwritten on the one path that reads it
  let channelNumber = "";
  let delaySeconds = 0;
  // Stryker disable next-line StringLiteral: overwritten on the one path that reads it
  let queueId = "";
  let expirationSeconds: number | undefined;
  if (callbackType === 1) {
    // 8. 12, 13, 11: the channel, then the delay.
    const channel = param(params, "channel_number");
    if (channel === undefined) return fail(CTL_ERROR.MISSING_CHANNEL, redirect);
    if (tenant.channel(channel) === undefined) return fail(CTL_ERROR.INVALID_CHANNEL, redirect);
    const delay = param(params, "callback_delay");
    if (delay !== undefined && !NUMERIC_PATTERN.test(delay)) return fail(CTL_ERROR.NOT_NUMERIC, redirect);
    channelNumber = channel;
    delaySeconds = delay === undefined ? 0 : wholeSeconds(delay);
  } else {
    // 9. 7, 8, 9, 11: the queue, then the expiration.
    const id = param(params, "queue_id");
    // Stryker disable next-line ConditionalExpression: no queue has the id undefined
    const queue = id === undefined ? undefined : tenant.queue(id);
    // Stryker disable next-line ConditionalExpression: a missing id has no queue either
    if (id === undefined || queue === undefined) return fail(CTL_ERROR.INVALID_QUEUE, redirect);
    if (!queue.enabled) return fail(CTL_ERROR.QUEUE_DISABLED, redirect);
    if (queue.direction !== "outbound") return fail(CTL_ERROR.QUEUE_NOT_OUTBOUND, redirect);
    const expiration = param(params, "expiration");
    if (expiration !== undefined && !NUMERIC_PATTERN.test(expiration)) return fail(CTL_ERROR.NOT_NUMERIC, redirect);
    queueId = id;
    // Stryker disable next-line ConditionalExpression: wholeSeconds(undefined) is NaN, which is no expiration either
    const seconds = expiration === undefined ? 0 : wholeSeconds(expiration);
    expirationSeconds = seconds > 0 ? seconds : undefined;
  }

  // 10. 16: extTransactionData length in code points.
  const ext = param(params, "extTransactionData");
  if (ext !== undefined && codePointLength(ext) > EXT_TRANSACTION_DATA_MAX_LENGTH) {
    return fail(CTL_ERROR.EXT_DATA_TOO_LONG, redirect);
  }

  // 11. 101, 102, 103, 105, 106.
  let userData = EMPTY;
  let systemData = EMPTY;
  let callbackUrl: string | undefined;
  const userdataText = param(params, "ctl_userdata");
  if (userdataText !== undefined) {
    const parsed = parseUserData(userdataText);
    if (!parsed.ok) return pairListProblem(CTL_ERROR.MALFORMED_CTL_USERDATA, parsed.problem, redirect);
    const split = splitPairs(parsed.pairs);
    userData = split.user;
    systemData = split.system;
    // The first ctl_callbackUrl counts; a later one is ignored like any unknown system pair.
    callbackUrl = split.system.find((pair) => pair.name === "ctl_callbackUrl")?.value.trim();
  }
  let extTransactionData = EMPTY;
  if (ext !== undefined) {
    const parsed = parseUserData(ext);
    if (!parsed.ok) return pairListProblem(CTL_ERROR.MALFORMED_EXT_TRANSACTION_DATA, parsed.problem, redirect);
    extTransactionData = parsed.pairs;
  }
  if (callbackUrl !== undefined) {
    if (!isAllowedCallbackUrl(callbackUrl, tenant)) return fail(CTL_ERROR.CALLBACK_URL_NOT_ALLOWED, redirect);
    // Keep the parser's spelling: a copied URL may carry a line break the parser dropped.
    // Stryker disable next-line OptionalChaining: isAllowedCallbackUrl just parsed this very value
    callbackUrl = parseHttpUrl(callbackUrl)?.href ?? callbackUrl;
  }
  const dialplanId = param(params, "dialplan_id");
  if (dialplanId !== undefined && (!DIALPLAN_ID_PATTERN.test(dialplanId) || !tenant.hasDialPlan(dialplanId))) {
    return fail(CTL_ERROR.INVALID_DIALPLAN, redirect);
  }

  const phoneDigits = digitsOf(phone);
  const callerId = chooseCallerId(param(params, "caller_id"), callbackType, tenant);
  // Written out in full rather than spread from a shared base: V8 builds these far faster.
  const request: CallbackRequest =
    callbackType === 1
      ? {
          tenant: tenant.name,
          phone: phoneDigits,
          callerId,
          back: redirect,
          dialplanId,
          userData,
          systemData,
          callbackUrl,
          extTransactionData,
          callbackType: 1,
          channelNumber,
          delaySeconds,
        }
      : {
          tenant: tenant.name,
          phone: phoneDigits,
          callerId,
          back: redirect,
          dialplanId,
          userData,
          systemData,
          callbackUrl,
          extTransactionData,
          callbackType: 2,
          queueId,
          expirationSeconds,
        };

  const retryAfterSeconds = options.rateLimit?.(request, tenant);
  if (retryAfterSeconds !== undefined) return fail(CTL_ERROR.RATE_LIMITED, redirect, { retryAfterSeconds });

  return { ok: true, request, tenant, redirect };
}

const NO_OPTIONS: ValidateOptions = {};

/**
 * Runs the order of checks. Any failure of the directory or a hook is 19, never a throw:
 * redirected to `back` when the tenant and an allowed `back` were known by then, else JSON.
 */
export function validateRequest(params: RequestParams, directory: Directory, options: ValidateOptions = NO_OPTIONS): Validation {
  // Stryker disable next-line ObjectLiteral: a redirect never set reads undefined all the same (the key is there for one object shape)
  const mode: AnswerMode = { redirect: undefined };
  try {
    return check(params, directory, options, mode);
  } catch {
    return fail(CTL_ERROR.INTERNAL_ERROR, mode.redirect);
  }
}

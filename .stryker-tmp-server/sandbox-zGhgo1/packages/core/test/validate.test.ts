// @ts-nocheck
// validateRequest against CONTRACT.md sections 1-3: every code it can answer, the order of
// checks pair by pair, the seed's examples, and the edge cases of each rule.
import { describe, expect, it } from "vitest";
import type { Directory, DirectoryQueue } from "../src/directory.js";
import { CATALOGUE, CTL_ERROR, type CtlErrorCode, ORDER_OF_CHECKS } from "../src/generated/catalogue.js";
import { ERROR_EXAMPLES, REQUEST_EXAMPLES } from "../src/generated/examples.js";
import type { CallbackRequest, CallerId, RequestParams } from "../src/request.js";
import { type ValidateOptions, type Validation, validateRequest } from "../src/validate.js";
import { ACME, brokenDirectory, type DemoTenantConfig, demoDirectory, directoryOf, GLOBEX, INITECH } from "./fixtures/demo-directory.js";

type Params = Readonly<Record<string, string>>;
/** A parameter to set, or null to leave it out. */
type Changes = Readonly<Record<string, string | null>>;

/** `base` with `changes` applied; a null change removes the parameter. */
function given(base: Params, changes: Changes = {}): Params {
  const merged: Record<string, string | null> = { ...base, ...changes };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== null));
}

// JSON-mode bases: the seed's examples 1 and 3 without back, so a failure is not redirected.
const TYPE1 = given(REQUEST_EXAMPLES.Example1CallNow.value, { back: null });
const TYPE2 = given(REQUEST_EXAMPLES.Example3WhenAgentAvailable.value, { back: null });
const ALLOWED_BACK = REQUEST_EXAMPLES.Example1CallNow.value.back;

/** The code a validation failed with, or "ok". */
function outcome(result: Validation): CtlErrorCode | "ok" {
  return result.ok ? "ok" : result.error.ctlError;
}

/** The accepted request; fails the test with the code when the validation did not pass. */
function accepted(result: Validation): CallbackRequest {
  if (!result.ok) throw new Error(`expected acceptance, got ctl_error ${result.error.ctlError}`);
  return result.request;
}

/** The tenant Acme changed by `change`, with the other demo tenants as they are. */
function acmeWith(change: Partial<DemoTenantConfig>): Directory {
  return directoryOf({ ...ACME, ...change }, GLOBEX, INITECH);
}

const LONG_VALID_EXT = `[n|${"x".repeat(497)}]`; // 501 code points, well formed

describe("every code validateRequest can answer", () => {
  interface ErrorCase {
    readonly name: string;
    readonly given: RequestParams;
    readonly want: CtlErrorCode;
    readonly options?: ValidateOptions;
    readonly directory?: Directory;
  }
  const cases: readonly ErrorCase[] = [
    { name: "tenant missing", given: given(TYPE1, { tenant: null }), want: CTL_ERROR.TENANT_NOT_ENABLED },
    { name: "tenant unknown", given: given(TYPE1, { tenant: "Nobody" }), want: CTL_ERROR.TENANT_NOT_ENABLED },
    { name: "tenant name is case-sensitive", given: given(TYPE1, { tenant: "acme" }), want: CTL_ERROR.TENANT_NOT_ENABLED },
    {
      name: "tenant disabled",
      given: given(TYPE1, { tenant: "Initech", token: INITECH.tokens[0] ?? "" }),
      want: CTL_ERROR.TENANT_NOT_ENABLED,
    },
    {
      name: "web callback disabled",
      given: given(TYPE1, { tenant: "Globex", token: GLOBEX.tokens[0] ?? "" }),
      want: CTL_ERROR.WEB_CALLBACK_NOT_ENABLED,
    },
    { name: "token missing", given: given(TYPE1, { token: null }), want: CTL_ERROR.INVALID_TOKEN },
    { name: "token wrong", given: given(TYPE1, { token: "not-the-token" }), want: CTL_ERROR.INVALID_TOKEN },
    { name: "token of another tenant", given: given(TYPE1, { token: GLOBEX.tokens[0] ?? "" }), want: CTL_ERROR.INVALID_TOKEN },
    { name: "token prefix", given: given(TYPE1, { token: ACME.tokens[0]?.slice(0, -1) ?? "" }), want: CTL_ERROR.INVALID_TOKEN },
    { name: "token in other case", given: given(TYPE1, { token: ACME.tokens[0]?.toUpperCase() ?? "" }), want: CTL_ERROR.INVALID_TOKEN },
    { name: "queue missing", given: given(TYPE2, { queue_id: null }), want: CTL_ERROR.INVALID_QUEUE },
    { name: "queue unknown", given: given(TYPE2, { queue_id: "999" }), want: CTL_ERROR.INVALID_QUEUE },
    { name: "queue disabled", given: given(TYPE2, { queue_id: "104" }), want: CTL_ERROR.QUEUE_DISABLED },
    { name: "queue inbound", given: given(TYPE2, { queue_id: "105" }), want: CTL_ERROR.QUEUE_NOT_OUTBOUND },
    { name: "callback_type missing", given: given(TYPE1, { callback_type: null }), want: CTL_ERROR.MISSING_CALLBACK_TYPE },
    { name: "callback_delay not numeric", given: given(TYPE1, { callback_delay: "five" }), want: CTL_ERROR.NOT_NUMERIC },
    { name: "expiration not numeric", given: given(TYPE2, { expiration: "1h" }), want: CTL_ERROR.NOT_NUMERIC },
    { name: "channel missing", given: given(TYPE1, { channel_number: null }), want: CTL_ERROR.MISSING_CHANNEL },
    { name: "channel unknown", given: given(TYPE1, { channel_number: "19999999999" }), want: CTL_ERROR.INVALID_CHANNEL },
    { name: "callback_type 3", given: given(TYPE1, { callback_type: "3" }), want: CTL_ERROR.UNKNOWN_CALLBACK_TYPE },
    { name: "service unavailable", given: TYPE1, options: { available: false }, want: CTL_ERROR.SERVICE_UNAVAILABLE },
    { name: "extTransactionData over 500", given: given(TYPE1, { extTransactionData: LONG_VALID_EXT }), want: CTL_ERROR.EXT_DATA_TOO_LONG },
    { name: "phone missing", given: given(TYPE1, { phone: null }), want: CTL_ERROR.MISSING_PHONE },
    { name: "phone of 16 digits", given: given(TYPE1, { phone: "1234567890123456" }), want: CTL_ERROR.MISSING_PHONE },
    { name: "directory throws", given: TYPE1, directory: brokenDirectory, want: CTL_ERROR.INTERNAL_ERROR },
    {
      name: "rate-limit hook throws",
      given: TYPE1,
      options: {
        rateLimit: () => {
          throw new Error("limiter down");
        },
      },
      want: CTL_ERROR.INTERNAL_ERROR,
    },
    { name: "ctl_userdata malformed", given: given(TYPE1, { ctl_userdata: "[a|b]junk" }), want: CTL_ERROR.MALFORMED_CTL_USERDATA },
    {
      name: "extTransactionData malformed",
      given: given(TYPE1, { extTransactionData: "[no-bar]" }),
      want: CTL_ERROR.MALFORMED_EXT_TRANSACTION_DATA,
    },
    {
      name: "ctl_callbackUrl host not allowed",
      given: given(TYPE1, { ctl_userdata: "[ctl_callbackUrl|https://elsewhere.invalid/hook]" }),
      want: CTL_ERROR.CALLBACK_URL_NOT_ALLOWED,
    },
    { name: "back not allowed", given: given(TYPE1, { back: "http://evil.invalid/" }), want: CTL_ERROR.BACK_NOT_ALLOWED },
    { name: "dialplan_id unknown", given: given(TYPE1, { dialplan_id: "77" }), want: CTL_ERROR.INVALID_DIALPLAN },
    { name: "dialplan_id not digits", given: given(TYPE1, { dialplan_id: "1a" }), want: CTL_ERROR.INVALID_DIALPLAN },
    { name: "rate limited", given: TYPE1, options: { rateLimit: () => 30 }, want: CTL_ERROR.RATE_LIMITED },
  ];

  it.each(cases)("$name → $want", ({ given: params, want, options, directory }) => {
    const result = validateRequest(params, directory ?? demoDirectory, options);
    expect(outcome(result)).toBe(want);
    if (result.ok) return;
    expect(result.error.message).toBe(CATALOGUE[want].message);
    expect(result.error.httpStatus).toBe(CATALOGUE[want].httpStatus);
    expect(result.error.retryAfterSeconds !== undefined).toBe(CATALOGUE[want].retryAfter);
  });

  it("reaches every code of steps 1-12 of the order of checks", () => {
    // Step 0 (transport: HTTPS, body size, media type) is the server's, before validateRequest runs.
    const validatorCodes = ORDER_OF_CHECKS.filter((step) => step.step !== 0).flatMap((step) => step.codes);
    expect(new Set(cases.map((c) => c.want))).toEqual(new Set(validatorCodes));
  });

  const provokable = ERROR_EXAMPLES.flatMap((example) => (example.request === null ? [] : [example]));
  it.each(provokable)("the document's example $name gives its body", (example) => {
    const result = validateRequest(example.request, demoDirectory);
    if (result.ok) throw new Error(`${example.name} was accepted`);
    const body: Record<string, unknown> = { ctl_error: result.error.ctlError, message: result.error.message };
    if (result.error.detail !== undefined) body.detail = result.error.detail;
    expect(body).toEqual(example.body);
  });

  it("answers 15 with Retry-After of 5 seconds unless told otherwise", () => {
    const unavailable = (options: ValidateOptions) => {
      const result = validateRequest(TYPE1, demoDirectory, options);
      return result.ok ? undefined : result.error.retryAfterSeconds;
    };
    expect(unavailable({ available: false })).toBe(5);
    expect(unavailable({ available: false, unavailableRetryAfterSeconds: 120 })).toBe(120);
  });

  it("asks the rate limit only about a request that passed every other check", () => {
    const seen: CallbackRequest[] = [];
    const rateLimit = (request: CallbackRequest) => {
      seen.push(request);
      return 7;
    };
    expect(outcome(validateRequest(given(TYPE1, { dialplan_id: "77" }), demoDirectory, { rateLimit }))).toBe(CTL_ERROR.INVALID_DIALPLAN);
    expect(seen).toEqual([]);
    const result = validateRequest(TYPE1, demoDirectory, { rateLimit });
    expect(result.ok ? undefined : result.error.retryAfterSeconds).toBe(7);
    expect(seen.map((request) => request.tenant)).toEqual(["Acme"]);
  });
});

describe("order of checks: of two broken rules, the earlier is answered", () => {
  /** How to break one rule of a valid request, and only that rule. */
  interface Breaker {
    readonly params?: Changes;
    readonly tenant?: (config: DemoTenantConfig) => DemoTenantConfig;
    readonly options?: ValidateOptions;
  }
  const queue103 = (change: Partial<DirectoryQueue>) => (config: DemoTenantConfig) => ({
    ...config,
    queues: config.queues.map((queue) => (queue.id === "103" ? { ...queue, ...change } : queue)),
  });
  const breakers: Readonly<Partial<Record<CtlErrorCode, Breaker>>> = {
    15: { options: { available: false } },
    1: { tenant: (config) => ({ ...config, enabled: false }) },
    2: { tenant: (config) => ({ ...config, webCallbackEnabled: false }) },
    3: { params: { token: "not-the-token" } },
    104: { params: { back: "http://evil.invalid/" } },
    17: { params: { phone: "1234567890123456" } },
    10: { params: { callback_type: null } },
    14: { params: { callback_type: "3" } },
    12: { params: { channel_number: null } },
    13: { params: { channel_number: "19999999999" } },
    // One breaker serves both types: a type-1 request ignores expiration, a type-2 one callback_delay.
    11: { params: { callback_delay: "five", expiration: "soon" } },
    7: { params: { queue_id: "999" } },
    8: { tenant: queue103({ enabled: false }) },
    9: { tenant: queue103({ direction: "inbound" }) },
    16: { params: { extTransactionData: LONG_VALID_EXT } },
    101: { params: { ctl_userdata: "[a|b]junk" } },
    102: { params: { extTransactionData: "[no-bar]" } },
    103: { params: { ctl_userdata: "[ctl_callbackUrl|https://elsewhere.invalid/hook]" } },
    105: { params: { dialplan_id: "77" } },
    106: { options: { rateLimit: () => 30 } },
  };
  // Pairs no request can break together (a value both missing and wrong; an unknown queue's state): skipped to the next rule.
  const exclusive: readonly (readonly [CtlErrorCode, CtlErrorCode])[] = [
    [10, 14],
    [12, 13],
    [7, 8],
    [7, 9],
  ];
  const isExclusive = (earlier: CtlErrorCode, later: CtlErrorCode) => exclusive.some(([a, b]) => a === earlier && b === later);

  function breaker(code: CtlErrorCode): Breaker {
    const found = breakers[code];
    if (found === undefined) throw new Error(`no breaker for ${code}`);
    return found;
  }

  function run(base: Params, codes: readonly CtlErrorCode[]): Validation {
    let params = base;
    let config = ACME;
    let options: ValidateOptions = {};
    for (const code of codes) {
      const { params: changes, tenant, options: extra } = breaker(code);
      params = given(params, changes);
      config = tenant?.(config) ?? config;
      options = { ...options, ...extra };
    }
    return validateRequest(params, directoryOf(config, GLOBEX, INITECH), options);
  }

  /** The codes a request of this type can be refused with, in the order they are checked. */
  function sequence(type: "1" | "2"): CtlErrorCode[] {
    // Step 0 is transport (the server's); 19 is no rule a request breaks (see the throwing directory above).
    return ORDER_OF_CHECKS.filter((step) => step.step !== 0 && (step.when === undefined || step.when === type))
      .flatMap((step) => step.codes)
      .filter((code) => code !== CTL_ERROR.INTERNAL_ERROR);
  }

  it("ORDER_OF_CHECKS is the order of CONTRACT.md section 3", () => {
    // Pinned here because every pair below is derived from it: a reordered document must fail loudly.
    expect(ORDER_OF_CHECKS.filter((step) => step.step !== 0).flatMap((step) => step.codes)).toEqual([
      15, 1, 2, 3, 104, 17, 10, 14, 12, 13, 11, 7, 8, 9, 11, 16, 101, 102, 103, 105, 106, 19,
    ]);
  });

  for (const [type, base] of [
    ["1", TYPE1],
    ["2", TYPE2],
  ] as const) {
    const codes = sequence(type);
    const singles = codes.map((code) => ({ name: `type ${type}: breaking ${code} alone gives ${code}`, code }));
    it.each(singles)("$name", ({ code }) => {
      expect(outcome(run(base, [code]))).toBe(code);
    });

    const pairs = codes.slice(0, -1).map((earlier, i) => {
      // For an exclusive pair, the first later rule that can be broken together with the earlier one.
      const later = codes.slice(i + 1).find((code) => !isExclusive(earlier, code));
      return { name: `type ${type}: ${earlier} before ${later ?? "nothing"}`, earlier, later };
    });
    it.each(pairs)("$name", ({ earlier, later }) => {
      if (later === undefined) throw new Error(`nothing to break together with ${earlier}`);
      const shared = Object.keys(breaker(earlier).params ?? {}).filter((name) => name in (breaker(later).params ?? {}));
      expect(shared, "the two breakers must not overwrite each other").toEqual([]);
      expect(outcome(run(base, [earlier, later]))).toBe(earlier);
    });
  }

  it("declares exclusive only codes of one step, which test one parameter or one queue", () => {
    for (const [a, b] of exclusive) {
      expect(
        ORDER_OF_CHECKS.some((step) => step.codes.includes(a) && step.codes.includes(b)),
        `${a}>${b}`,
      ).toBe(true);
    }
  });
});

describe("the seed's examples", () => {
  const common = {
    tenant: "Acme",
    phone: "16505551212",
    callerId: { kind: "channel", number: "18006664444" },
    back: ALLOWED_BACK,
    dialplanId: undefined,
    userData: [],
    systemData: [],
    callbackUrl: undefined,
    extTransactionData: [],
  } as const;
  const cases: readonly { readonly name: keyof typeof REQUEST_EXAMPLES; readonly want: CallbackRequest }[] = [
    { name: "Example1CallNow", want: { ...common, callbackType: 1, channelNumber: "18006661212", delaySeconds: 0 } },
    {
      name: "Example2CallAfterDelay",
      want: {
        ...common,
        callbackType: 1,
        channelNumber: "18006661212",
        delaySeconds: 300,
        userData: [
          { name: "Transactionid__c", value: "$interaction_guid$" },
          { name: "CallAnswerTime", value: "$call_answered_time$" },
          { name: "foreign_key", value: "1234456677" },
        ],
        systemData: [{ name: "ctl_callbackUrl", value: "https://mywebporter.com/callback.php" }],
        callbackUrl: "https://mywebporter.com/callback.php",
      },
    },
    { name: "Example3WhenAgentAvailable", want: { ...common, callbackType: 2, queueId: "103", expirationSeconds: undefined } },
    { name: "Example4WithExpiration", want: { ...common, callbackType: 2, queueId: "103", expirationSeconds: 3600 } },
  ];

  it.each(cases)("$name is accepted as the seed describes it", ({ name, want }) => {
    const result = validateRequest(REQUEST_EXAMPLES[name].value, demoDirectory);
    expect(accepted(result)).toStrictEqual(want);
    expect(result.redirect).toBe(ALLOWED_BACK);
    expect(result.ok && result.tenant.name).toBe("Acme");
  });

  it.each(cases)("$name copied with line breaks around every value gives the same request", ({ name, want }) => {
    const copied = Object.fromEntries(Object.entries(REQUEST_EXAMPLES[name].value).map(([key, value]) => [key, `\r\n ${value}\n\t`]));
    expect(accepted(validateRequest(copied, demoDirectory))).toStrictEqual(want);
  });

  it("example 2 with its pairs broken over lines, as printed in the seed, is accepted", () => {
    const printed = REQUEST_EXAMPLES.Example2CallAfterDelay.value.ctl_userdata.replaceAll("][", "]\n[");
    const request = accepted(
      validateRequest(given(REQUEST_EXAMPLES.Example2CallAfterDelay.value, { ctl_userdata: printed }), demoDirectory),
    );
    expect(request.userData.map((pair) => pair.name)).toEqual(["Transactionid__c", "CallAnswerTime", "foreign_key"]);
  });
});

describe("trimming: empty after trimming is absent", () => {
  const cases: readonly { readonly name: string; readonly changes: Changes; readonly want: CtlErrorCode | "ok" }[] = [
    { name: "blank tenant", changes: { tenant: " " }, want: CTL_ERROR.TENANT_NOT_ENABLED },
    { name: "blank token", changes: { token: "\t" }, want: CTL_ERROR.INVALID_TOKEN },
    { name: "token padded", changes: { token: ` ${ACME.tokens[0] ?? ""}\n` }, want: "ok" },
    { name: "blank phone", changes: { phone: " \r\n" }, want: CTL_ERROR.MISSING_PHONE },
    { name: "blank callback_type", changes: { callback_type: "  " }, want: CTL_ERROR.MISSING_CALLBACK_TYPE },
    { name: "callback_type padded", changes: { callback_type: "\n1 " }, want: "ok" },
    { name: "blank channel_number", changes: { channel_number: "\n" }, want: CTL_ERROR.MISSING_CHANNEL },
    { name: "blank callback_delay", changes: { callback_delay: " " }, want: "ok" },
    { name: "blank back", changes: { back: " " }, want: "ok" },
    { name: "blank ctl_userdata", changes: { ctl_userdata: "\r\n" }, want: "ok" },
    { name: "blank extTransactionData", changes: { extTransactionData: "\t" }, want: "ok" },
    { name: "blank dialplan_id", changes: { dialplan_id: " " }, want: "ok" },
    { name: "dialplan_id padded", changes: { dialplan_id: " 1\n" }, want: "ok" },
    { name: "empty caller_id", changes: { caller_id: "" }, want: "ok" },
    { name: "unknown parameter ignored", changes: { Phone: "x", colour: "blue" }, want: "ok" },
    { name: "token with leading space only", changes: { token: ` ${ACME.tokens[0] ?? ""}` }, want: "ok" },
    { name: "token with trailing space only", changes: { token: `${ACME.tokens[0] ?? ""} ` }, want: "ok" },
    { name: "token with a leading line break only", changes: { token: `\n${ACME.tokens[0] ?? ""}` }, want: "ok" },
    { name: "token with a trailing tab only", changes: { token: `${ACME.tokens[0] ?? ""}\t` }, want: "ok" },
    { name: "token between no-break spaces", changes: { token: `\u00a0${ACME.tokens[0] ?? ""}\u00a0` }, want: "ok" },
    { name: "token after a no-break space", changes: { token: `\u00a0${ACME.tokens[0] ?? ""}` }, want: "ok" },
    { name: "token before a no-break space", changes: { token: `${ACME.tokens[0] ?? ""}\u00a0` }, want: "ok" },
    { name: "token before an ideographic space", changes: { token: `${ACME.tokens[0] ?? ""}\u3000` }, want: "ok" },
    { name: "DEL is no white space", changes: { token: `${ACME.tokens[0] ?? ""}\u007f` }, want: CTL_ERROR.INVALID_TOKEN },
  ];
  it.each(cases)("$name → $want", ({ changes, want }) => {
    expect(outcome(validateRequest(given(TYPE1, changes), demoDirectory))).toBe(want);
  });

  it("a blank queue_id is a missing queue", () => {
    expect(outcome(validateRequest(given(TYPE2, { queue_id: " \n" }), demoDirectory))).toBe(CTL_ERROR.INVALID_QUEUE);
  });

  // Trimming leaves what the value says: each side alone, and white space beyond ASCII.
  const trimmed: readonly { readonly name: string; readonly channel: string }[] = [
    { name: "leading space only", channel: " 18006661212" },
    { name: "trailing space only", channel: "18006661212 " },
    { name: "leading line feed only", channel: "\n18006661212" },
    { name: "trailing carriage return only", channel: "18006661212\r" },
    { name: "no-break spaces", channel: "\u00a018006661212\u00a0" },
    { name: "leading no-break space only", channel: "\u00a018006661212" },
    { name: "trailing no-break space only", channel: "18006661212\u00a0" },
    { name: "byte-order mark and line separator", channel: "\ufeff18006661212\u2028" },
  ];
  it.each(trimmed)("trims $name", ({ channel }) => {
    expect(accepted(validateRequest(given(TYPE1, { channel_number: channel }), demoDirectory))).toMatchObject({
      channelNumber: "18006661212",
    });
  });

  it("keeps trimmed values in the request", () => {
    const request = accepted(
      validateRequest(given(TYPE1, { channel_number: " 18006661212\n", dialplan_id: "\t1 ", back: " " }), demoDirectory),
    );
    expect(request).toMatchObject({ channelNumber: "18006661212", dialplanId: "1", back: undefined });
  });
});

describe("numeric rule: callback_delay and expiration", () => {
  const NOT_NUMERIC = "not numeric";
  const cases: readonly { readonly name: string; readonly value: string; readonly want: number | typeof NOT_NUMERIC }[] = [
    { name: "whole", value: "300", want: 300 },
    { name: "padded", value: " 12 ", want: 12 },
    { name: "trailing dot", value: "1.", want: 1 },
    { name: "leading dot", value: ".5", want: 1 },
    { name: "plus sign", value: "+3", want: 3 },
    { name: "negative means none", value: "-2", want: 0 },
    { name: "negative fraction means none", value: "-0.5", want: 0 },
    { name: "zero means none", value: "0", want: 0 },
    { name: "fraction rounds up", value: "2.1", want: 3 },
    { name: "tiny fraction rounds up", value: "0.0001", want: 1 },
    { name: "leading zeros", value: "007", want: 7 },
    { name: "exponent", value: "1e3", want: NOT_NUMERIC },
    { name: "word", value: "five", want: NOT_NUMERIC },
    { name: "lone dot", value: ".", want: NOT_NUMERIC },
    { name: "lone sign", value: "-", want: NOT_NUMERIC },
    { name: "two dots", value: "1.2.3", want: NOT_NUMERIC },
    { name: "hex", value: "0x10", want: NOT_NUMERIC },
    { name: "inner space", value: "1 000", want: NOT_NUMERIC },
    { name: "comma decimal", value: "1,5", want: NOT_NUMERIC },
    { name: "Infinity", value: "Infinity", want: NOT_NUMERIC },
    { name: "two signs", value: "+-1", want: NOT_NUMERIC },
    { name: "unit", value: "30s", want: NOT_NUMERIC },
    { name: "Arabic-Indic digits", value: "\u0663\u0660", want: NOT_NUMERIC },
  ];

  it.each(cases)("callback_delay $value ($name) → $want", ({ value, want }) => {
    const result = validateRequest(given(TYPE1, { callback_delay: value }), demoDirectory);
    if (want === NOT_NUMERIC) expect(outcome(result)).toBe(CTL_ERROR.NOT_NUMERIC);
    else expect(accepted(result)).toMatchObject({ callbackType: 1, delaySeconds: want });
  });

  it.each(cases)("expiration $value ($name) → $want", ({ value, want }) => {
    const result = validateRequest(given(TYPE2, { expiration: value }), demoDirectory);
    if (want === NOT_NUMERIC) expect(outcome(result)).toBe(CTL_ERROR.NOT_NUMERIC);
    else expect(accepted(result)).toMatchObject({ callbackType: 2, expirationSeconds: want > 0 ? want : undefined });
  });

  it("ignores the other type's number", () => {
    expect(outcome(validateRequest(given(TYPE1, { expiration: "soon" }), demoDirectory))).toBe("ok");
    expect(outcome(validateRequest(given(TYPE2, { callback_delay: "five" }), demoDirectory))).toBe("ok");
  });
});

describe("callback_type is exactly 1 or 2", () => {
  const cases: readonly { readonly name: string; readonly value: string; readonly want: CtlErrorCode | "ok" }[] = [
    { name: "1", value: "1", want: "ok" },
    { name: "padded 1", value: " 1\n", want: "ok" },
    { name: "leading zero", value: "01", want: CTL_ERROR.UNKNOWN_CALLBACK_TYPE },
    { name: "decimal", value: "1.0", want: CTL_ERROR.UNKNOWN_CALLBACK_TYPE },
    { name: "signed", value: "+1", want: CTL_ERROR.UNKNOWN_CALLBACK_TYPE },
    { name: "zero", value: "0", want: CTL_ERROR.UNKNOWN_CALLBACK_TYPE },
    { name: "three", value: "3", want: CTL_ERROR.UNKNOWN_CALLBACK_TYPE },
    { name: "word", value: "one", want: CTL_ERROR.UNKNOWN_CALLBACK_TYPE },
    { name: "full-width digit", value: "\uff11", want: CTL_ERROR.UNKNOWN_CALLBACK_TYPE },
  ];
  it.each(cases)("$name → $want", ({ value, want }) => {
    expect(outcome(validateRequest(given(TYPE1, { callback_type: value }), demoDirectory))).toBe(want);
  });

  it("2 makes a type-2 request, which needs a queue, not a channel", () => {
    expect(outcome(validateRequest(given(TYPE1, { callback_type: "2" }), demoDirectory))).toBe(CTL_ERROR.INVALID_QUEUE);
    expect(outcome(validateRequest(given(TYPE2, { callback_type: "1" }), demoDirectory))).toBe(CTL_ERROR.MISSING_CHANNEL);
  });
});

describe("phone: 1-15 digits after one leading + and separators", () => {
  const MISSING = CTL_ERROR.MISSING_PHONE;
  const cases: readonly { readonly name: string; readonly phone: string; readonly want: string | CtlErrorCode }[] = [
    { name: "digits", phone: "16505551212", want: "16505551212" },
    { name: "E.164", phone: "+16505551212", want: "16505551212" },
    { name: "separators", phone: "+1 (650) 555-1212", want: "16505551212" },
    { name: "dots", phone: "1.650.555.1212", want: "16505551212" },
    { name: "one digit", phone: "7", want: "7" },
    { name: "15 digits", phone: "123456789012345", want: "123456789012345" },
    { name: "15 digits with separators", phone: "+123 456-789 (012) 345", want: "123456789012345" },
    { name: "16 digits", phone: "1234567890123456", want: MISSING },
    { name: "16 digits with plus", phone: "+1234567890123456", want: MISSING },
    { name: "two pluses", phone: "++16505551212", want: MISSING },
    { name: "plus inside", phone: "1650+5551212", want: MISSING },
    { name: "plus alone", phone: "+", want: MISSING },
    { name: "separators alone", phone: "(-)", want: MISSING },
    { name: "letters", phone: "1-800-FLOWERS", want: MISSING },
    { name: "extension", phone: "16505551212x12", want: MISSING },
    { name: "slash", phone: "1/650/5551212", want: MISSING },
    { name: "inner tab", phone: "1650\t5551212", want: MISSING },
    { name: "non-ASCII digits", phone: "\u0661\u0662\u0663", want: MISSING },
  ];
  it.each(cases)("$phone ($name) → $want", ({ phone, want }) => {
    const result = validateRequest(given(TYPE1, { phone }), demoDirectory);
    if (typeof want === "string") expect(accepted(result).phone).toBe(want);
    else expect(outcome(result)).toBe(want);
  });
});

describe("extTransactionData: at most 500 code points", () => {
  const pairOf = (valueLength: number, unit = "x") => `[n|${unit.repeat(valueLength)}]`;
  const cases: readonly { readonly name: string; readonly ext: string; readonly want: CtlErrorCode | "ok" }[] = [
    { name: "500 ASCII", ext: pairOf(496), want: "ok" },
    { name: "501 ASCII", ext: pairOf(497), want: CTL_ERROR.EXT_DATA_TOO_LONG },
    { name: "500 code points, 996 UTF-16 units", ext: pairOf(496, "😀"), want: "ok" },
    { name: "501 code points of emoji", ext: pairOf(497, "😀"), want: CTL_ERROR.EXT_DATA_TOO_LONG },
    { name: "500 with accents", ext: pairOf(496, "é"), want: "ok" },
    // The first and the last code point beyond the BMP: each is one code point, two UTF-16 units.
    { name: "500 code points of U+10000", ext: pairOf(496, "\u{10000}"), want: "ok" },
    { name: "501 code points of U+10000", ext: pairOf(497, "\u{10000}"), want: CTL_ERROR.EXT_DATA_TOO_LONG },
    { name: "500 code points of U+10FFFF", ext: pairOf(496, "\u{10FFFF}"), want: "ok" },
    { name: "501 code points of U+10FFFF", ext: pairOf(497, "\u{10FFFF}"), want: CTL_ERROR.EXT_DATA_TOO_LONG },
    // A lone surrogate is one code point; a high one before U+E000 is not a pair.
    { name: "500 of lone low surrogates", ext: pairOf(496, "\udc00"), want: "ok" },
    { name: "501 of lone low surrogates", ext: pairOf(497, "\udc00"), want: CTL_ERROR.EXT_DATA_TOO_LONG },
    { name: "high surrogate then U+E000 is two", ext: pairOf(249, "\ud800\ue000"), want: CTL_ERROR.EXT_DATA_TOO_LONG },
    { name: "high surrogate then U+D7FF is two", ext: pairOf(249, "\ud800\ud7ff"), want: CTL_ERROR.EXT_DATA_TOO_LONG },
    { name: "surrounding space not counted", ext: `  ${pairOf(496)}\n`, want: "ok" },
    { name: "too long and malformed: length first", ext: "x".repeat(501), want: CTL_ERROR.EXT_DATA_TOO_LONG },
  ];
  it.each(cases)("$name → $want", ({ ext, want }) => {
    expect(outcome(validateRequest(given(TYPE1, { extTransactionData: ext }), demoDirectory))).toBe(want);
  });

  it("parses the pairs into the request", () => {
    const request = accepted(validateRequest(given(TYPE1, { extTransactionData: "[Order|42] [Note|a|b]" }), demoDirectory));
    expect(request.extTransactionData).toEqual([
      { name: "Order", value: "42" },
      { name: "Note", value: "a|b" },
    ]);
  });
});

describe("answer mode: redirect or JSON", () => {
  const localBack = "http://localhost:3000/done?x=1";
  interface ModeCase {
    readonly name: string;
    readonly given: RequestParams;
    readonly options?: ValidateOptions;
    readonly directory?: Directory;
    readonly want: CtlErrorCode | "ok";
    readonly redirect: string | undefined;
  }
  const cases: readonly ModeCase[] = [
    { name: "accepted with allowed back", given: given(TYPE1, { back: ALLOWED_BACK }), want: "ok", redirect: ALLOWED_BACK },
    { name: "accepted without back", given: TYPE1, want: "ok", redirect: undefined },
    { name: "back is trimmed", given: given(TYPE1, { back: `\n ${ALLOWED_BACK} ` }), want: "ok", redirect: ALLOWED_BACK },
    { name: "disabled tenant redirects", given: given(TYPE1, { tenant: "Initech", back: localBack }), want: 1, redirect: localBack },
    { name: "unknown tenant is JSON", given: given(TYPE1, { tenant: "Nobody", back: localBack }), want: 1, redirect: undefined },
    { name: "web callback disabled redirects", given: given(TYPE1, { tenant: "Globex", back: localBack }), want: 2, redirect: localBack },
    {
      name: "another tenant's origin is JSON",
      given: given(TYPE1, { tenant: "Globex", back: ALLOWED_BACK }),
      want: 2,
      redirect: undefined,
    },
    { name: "wrong token redirects", given: given(TYPE1, { token: "nope", back: ALLOWED_BACK }), want: 3, redirect: ALLOWED_BACK },
    { name: "later error redirects", given: given(TYPE1, { phone: null, back: ALLOWED_BACK }), want: 17, redirect: ALLOWED_BACK },
    { name: "origin not listed → 104 JSON", given: given(TYPE1, { back: "http://evil.invalid/" }), want: 104, redirect: undefined },
    { name: "https where http listed → 104", given: given(TYPE1, { back: "https://www.acmejet.com/r" }), want: 104, redirect: undefined },
    {
      name: "other port, no wildcard → 104",
      given: given(TYPE1, { back: "http://www.acmejet.com:8080/r" }),
      want: 104,
      redirect: undefined,
    },
    {
      name: "default port spelled out",
      given: given(TYPE1, { back: "http://www.acmejet.com:80/r" }),
      want: "ok",
      redirect: "http://www.acmejet.com:80/r",
    },
    {
      name: "subdomain of a listed host → 104",
      given: given(TYPE1, { back: "http://x.www.acmejet.com/" }),
      want: 104,
      redirect: undefined,
    },
    {
      name: "listed host as userinfo → 104",
      given: given(TYPE1, { back: "http://www.acmejet.com@evil.invalid/" }),
      want: 104,
      redirect: undefined,
    },
    { name: ":* any port", given: given(TYPE1, { back: "http://localhost:5173/r" }), want: "ok", redirect: "http://localhost:5173/r" },
    { name: ":* default port", given: given(TYPE1, { back: "http://127.0.0.1/r" }), want: "ok", redirect: "http://127.0.0.1/r" },
    { name: ":* keeps the scheme", given: given(TYPE1, { back: "https://localhost:5173/r" }), want: 104, redirect: undefined },
    { name: "relative back → 104", given: given(TYPE1, { back: "/ctdresult.php" }), want: 104, redirect: undefined },
    { name: "scheme-relative back → 104", given: given(TYPE1, { back: "//www.acmejet.com/r" }), want: 104, redirect: undefined },
    { name: "javascript: back → 104", given: given(TYPE1, { back: "javascript:alert(1)" }), want: 104, redirect: undefined },
    { name: "ftp back → 104", given: given(TYPE1, { back: "ftp://www.acmejet.com/" }), want: 104, redirect: undefined },
    {
      name: "line break inside back → 104",
      given: given(TYPE1, { back: "http://www.acmejet.com/r\r\nSet-Cookie: a=1" }),
      want: 104,
      redirect: undefined,
    },
    { name: "15 is JSON", given: given(TYPE1, { back: ALLOWED_BACK }), options: { available: false }, want: 15, redirect: undefined },
    { name: "19 is JSON", given: given(TYPE1, { back: ALLOWED_BACK }), directory: brokenDirectory, want: 19, redirect: undefined },
    {
      name: "106 redirects",
      given: given(TYPE1, { back: ALLOWED_BACK }),
      options: { rateLimit: () => 9 },
      want: 106,
      redirect: ALLOWED_BACK,
    },
    { name: "101 redirects", given: given(TYPE1, { back: ALLOWED_BACK, ctl_userdata: "x" }), want: 101, redirect: ALLOWED_BACK },
  ];
  it.each(cases)("$name", ({ given: params, options, directory, want, redirect }) => {
    const result = validateRequest(params, directory ?? demoDirectory, options);
    expect(outcome(result)).toBe(want);
    expect(result.redirect).toBe(redirect);
    if (result.ok) expect(result.request.back).toBe(redirect);
  });
});

describe("caller id", () => {
  const tenantDefault: CallerId = { kind: "tenant-default", number: ACME.defaultCallerId };
  const cases: readonly { readonly name: string; readonly base: Params; readonly callerId: string | null; readonly want: CallerId }[] = [
    { name: "absent", base: TYPE1, callerId: null, want: tenantDefault },
    { name: "Anonymous", base: TYPE1, callerId: "Anonymous", want: { kind: "anonymous" } },
    { name: "Anonymous on type 2", base: TYPE2, callerId: "Anonymous", want: { kind: "anonymous" } },
    { name: "anonymous in lower case", base: TYPE1, callerId: "anonymous", want: tenantDefault },
    { name: "-1 on type 1", base: TYPE1, callerId: "-1", want: tenantDefault },
    { name: "-1 on type 2", base: TYPE2, callerId: "-1", want: { kind: "agent-default" } },
    { name: "padded -1 on type 2", base: TYPE2, callerId: " -1 ", want: { kind: "agent-default" } },
    { name: "a channel", base: TYPE1, callerId: "18006664444", want: { kind: "channel", number: "18006664444" } },
    { name: "a channel on type 2", base: TYPE2, callerId: "18006661212", want: { kind: "channel", number: "18006661212" } },
    { name: "not a channel", base: TYPE1, callerId: "15551234567", want: tenantDefault },
    { name: "garbage", base: TYPE2, callerId: "$caller_id$", want: tenantDefault },
  ];
  it.each(cases)("$name", ({ base, callerId, want }) => {
    expect(accepted(validateRequest(given(base, { caller_id: callerId }), demoDirectory)).callerId).toEqual(want);
  });
});

describe("ctl_userdata and ctl_callbackUrl", () => {
  const closedAcme = acmeWith({ allowPrivateCallbackHosts: false });
  const cases: readonly {
    readonly name: string;
    readonly url: string;
    readonly directory?: Directory;
    readonly want: CtlErrorCode | "ok";
  }[] = [
    { name: "allowed host", url: "https://mywebporter.com/callback.php", want: "ok" },
    { name: "allowed host in upper case", url: "https://MyWebPorter.com/callback.php", want: "ok" },
    { name: "allowed host, other port", url: "http://mywebporter.com:8443/cb", want: "ok" },
    { name: "host not allowed", url: "https://elsewhere.invalid/hook", want: 103 },
    { name: "allowed host as a suffix", url: "https://evilmywebporter.com/", want: 103 },
    { name: "allowed host as a prefix", url: "https://mywebporter.com.evil.invalid/", want: 103 },
    { name: "loopback, tenant allows private", url: "http://localhost:8081/hook", want: "ok" },
    { name: "loopback IP, tenant allows private", url: "http://127.0.0.1:8081/hook", want: "ok" },
    { name: "loopback refused by default", url: "http://localhost:8081/hook", directory: closedAcme, want: 103 },
    { name: "loopback IP refused by default", url: "http://127.0.0.1/hook", directory: closedAcme, want: 103 },
    { name: "public host still fine", url: "https://mywebporter.com/cb", directory: closedAcme, want: "ok" },
    { name: "ftp scheme", url: "ftp://mywebporter.com/cb", want: 103 },
    { name: "no scheme", url: "mywebporter.com/cb", want: 103 },
    { name: "relative", url: "/cb", want: 103 },
    { name: "empty value", url: "", want: 103 },
    { name: "padded value", url: "  https://mywebporter.com/cb ", want: "ok" },
  ];
  it.each(cases)("$name → $want", ({ url, directory, want }) => {
    const params = given(TYPE1, { ctl_userdata: `[ctl_callbackUrl|${url}][k|v]` });
    expect(outcome(validateRequest(params, directory ?? demoDirectory))).toBe(want);
  });

  it("a private address listed for a closed tenant is still refused", () => {
    const directory = acmeWith({ allowedCallbackHosts: ["10.0.0.5", "192.168.1.9", "255.255.255.255"], allowPrivateCallbackHosts: false });
    for (const host of ["10.0.0.5", "192.168.1.9", "255.255.255.255"]) {
      const params = given(TYPE1, { ctl_userdata: `[ctl_callbackUrl|http://${host}/hook]` });
      expect(outcome(validateRequest(params, directory)), host).toBe(CTL_ERROR.CALLBACK_URL_NOT_ALLOWED);
    }
  });

  it("splits system and user data in order, keeps unknown ctl_ names and the first ctl_callbackUrl", () => {
    const userdata =
      "[a|1][ctl_callbackUrl|https://mywebporter.com/one][ctl_other|x][CTL_upper|2][ctl_callbackUrl|https://elsewhere.invalid/][b|]";
    const request = accepted(validateRequest(given(TYPE1, { ctl_userdata: userdata }), demoDirectory));
    expect(request.userData).toEqual([
      { name: "a", value: "1" },
      { name: "CTL_upper", value: "2" },
      { name: "b", value: "" },
    ]);
    expect(request.systemData.map((pair) => pair.name)).toEqual(["ctl_callbackUrl", "ctl_other", "ctl_callbackUrl"]);
    expect(request.callbackUrl).toBe("https://mywebporter.com/one");
  });

  // Another ctl_ pair first must not be taken for ctl_callbackUrl, whichever of the two is allowed.
  const firstSystemPair: readonly { readonly name: string; readonly userdata: string; readonly want: string | CtlErrorCode }[] = [
    {
      name: "a refused URL under another ctl_ name is ignored",
      userdata: "[ctl_other|https://elsewhere.invalid/][ctl_callbackUrl|https://mywebporter.com/cb]",
      want: "https://mywebporter.com/cb",
    },
    {
      name: "an allowed URL under another ctl_ name does not stand in",
      userdata: "[ctl_other|https://mywebporter.com/cb][ctl_callbackUrl|https://elsewhere.invalid/]",
      want: CTL_ERROR.CALLBACK_URL_NOT_ALLOWED,
    },
    { name: "ctl_callbackurl in another case is not it", userdata: "[ctl_callbackurl|https://elsewhere.invalid/]", want: "none" },
  ];
  it.each(firstSystemPair)("$name", ({ userdata, want }) => {
    const result = validateRequest(given(TYPE1, { ctl_userdata: userdata }), demoDirectory);
    if (typeof want === "number") expect(outcome(result)).toBe(want);
    else expect(accepted(result).callbackUrl ?? "none").toBe(want);
  });

  // The request keeps the URL as the parser wrote it, which is the URL the check allowed.
  const normalised: readonly { readonly name: string; readonly url: string; readonly want: string }[] = [
    { name: "upper-case host", url: "https://MyWebPorter.COM/cb", want: "https://mywebporter.com/cb" },
    { name: "no path", url: "https://mywebporter.com", want: "https://mywebporter.com/" },
    { name: "default port", url: "https://mywebporter.com:443/cb", want: "https://mywebporter.com/cb" },
    { name: "line break inside", url: "https://mywebporter.com/c\nb", want: "https://mywebporter.com/cb" },
    { name: "padded", url: " https://mywebporter.com/cb\t", want: "https://mywebporter.com/cb" },
  ];
  it.each(normalised)("stores the normalised callback URL: $name", ({ url, want }) => {
    const request = accepted(validateRequest(given(TYPE1, { ctl_userdata: `[ctl_callbackUrl|${url}]` }), demoDirectory));
    expect(request.callbackUrl).toBe(want);
  });

  it("without ctl_callbackUrl there is none", () => {
    expect(accepted(validateRequest(given(TYPE1, { ctl_userdata: "[a|b]" }), demoDirectory)).callbackUrl).toBeUndefined();
  });
});

describe("dialplan_id", () => {
  const cases: readonly { readonly name: string; readonly value: string; readonly want: CtlErrorCode | "ok" }[] = [
    { name: "a dial plan of the tenant", value: "1", want: "ok" },
    { name: "unknown", value: "77", want: 105 },
    { name: "signed", value: "+1", want: 105 },
    { name: "letters", value: "one", want: 105 },
    { name: "decimal", value: "1.0", want: 105 },
  ];
  it.each(cases)("$value ($name) → $want", ({ value, want }) => {
    expect(outcome(validateRequest(given(TYPE1, { dialplan_id: value }), demoDirectory))).toBe(want);
  });

  it("absent means the tenant's default", () => {
    expect(accepted(validateRequest(TYPE1, demoDirectory)).dialplanId).toBeUndefined();
  });
});

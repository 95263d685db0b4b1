// @ts-nocheck
// generated from openapi/webcallback.yaml by scripts/generate.ts; do not edit.

/** Every ctl_error code by name (x-webcallback-errors). */
export const CTL_ERROR = {
  "TENANT_NOT_ENABLED": 1,
  "WEB_CALLBACK_NOT_ENABLED": 2,
  "INVALID_TOKEN": 3,
  "INVALID_QUEUE": 7,
  "QUEUE_DISABLED": 8,
  "QUEUE_NOT_OUTBOUND": 9,
  "MISSING_CALLBACK_TYPE": 10,
  "NOT_NUMERIC": 11,
  "MISSING_CHANNEL": 12,
  "INVALID_CHANNEL": 13,
  "UNKNOWN_CALLBACK_TYPE": 14,
  "SERVICE_UNAVAILABLE": 15,
  "EXT_DATA_TOO_LONG": 16,
  "MISSING_PHONE": 17,
  "INTERNAL_ERROR": 19,
  "MALFORMED_CTL_USERDATA": 101,
  "MALFORMED_EXT_TRANSACTION_DATA": 102,
  "CALLBACK_URL_NOT_ALLOWED": 103,
  "BACK_NOT_ALLOWED": 104,
  "INVALID_DIALPLAN": 105,
  "RATE_LIMITED": 106,
  "BODY_TOO_LARGE": 107,
  "UNSUPPORTED_MEDIA_TYPE": 108,
  "HTTPS_REQUIRED": 109
} as const;

export type CtlErrorName = keyof typeof CTL_ERROR;
export type CtlErrorCode = (typeof CTL_ERROR)[CtlErrorName];

export interface CtlErrorEntry {
  readonly code: CtlErrorCode;
  readonly name: CtlErrorName;
  readonly message: string;
  readonly httpStatus: number;
  /** A code of ours (100 or more), not of the seed. */
  readonly extension: boolean;
  /** The answer carries Retry-After. */
  readonly retryAfter: boolean;
  /** Answered in JSON even when back would allow a redirect. */
  readonly alwaysJson: boolean;
}

export const CATALOGUE: { readonly [Code in CtlErrorCode]: CtlErrorEntry } = {
  "1": {
    "code": 1,
    "name": "TENANT_NOT_ENABLED",
    "message": "Tenant not enabled.",
    "httpStatus": 403,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "2": {
    "code": 2,
    "name": "WEB_CALLBACK_NOT_ENABLED",
    "message": "Web callback not enabled.",
    "httpStatus": 403,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "3": {
    "code": 3,
    "name": "INVALID_TOKEN",
    "message": "Invalid authentication token.",
    "httpStatus": 401,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "7": {
    "code": 7,
    "name": "INVALID_QUEUE",
    "message": "Queue id provided is invalid.",
    "httpStatus": 400,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "8": {
    "code": 8,
    "name": "QUEUE_DISABLED",
    "message": "Queue is disabled.",
    "httpStatus": 409,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "9": {
    "code": 9,
    "name": "QUEUE_NOT_OUTBOUND",
    "message": "Queue direction is not 'Outbound'",
    "httpStatus": 409,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "10": {
    "code": 10,
    "name": "MISSING_CALLBACK_TYPE",
    "message": "Missing Callback type.",
    "httpStatus": 400,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "11": {
    "code": 11,
    "name": "NOT_NUMERIC",
    "message": "Callback delay is not numeric",
    "httpStatus": 400,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "12": {
    "code": 12,
    "name": "MISSING_CHANNEL",
    "message": "Missing channel information for callback type 1.",
    "httpStatus": 400,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "13": {
    "code": 13,
    "name": "INVALID_CHANNEL",
    "message": "Invalid channel number provided.",
    "httpStatus": 400,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "14": {
    "code": 14,
    "name": "UNKNOWN_CALLBACK_TYPE",
    "message": "Unknown callback type specified.",
    "httpStatus": 400,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "15": {
    "code": 15,
    "name": "SERVICE_UNAVAILABLE",
    "message": "Service unavailable.",
    "httpStatus": 503,
    "extension": false,
    "retryAfter": true,
    "alwaysJson": true
  },
  "16": {
    "code": 16,
    "name": "EXT_DATA_TOO_LONG",
    "message": "External data maximum length exceeded(500 character limit)",
    "httpStatus": 400,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "17": {
    "code": 17,
    "name": "MISSING_PHONE",
    "message": "Phone number not provided.",
    "httpStatus": 400,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "19": {
    "code": 19,
    "name": "INTERNAL_ERROR",
    "message": "Internal Error.",
    "httpStatus": 500,
    "extension": false,
    "retryAfter": false,
    "alwaysJson": false
  },
  "101": {
    "code": 101,
    "name": "MALFORMED_CTL_USERDATA",
    "message": "Malformed ctl_userdata.",
    "httpStatus": 400,
    "extension": true,
    "retryAfter": false,
    "alwaysJson": false
  },
  "102": {
    "code": 102,
    "name": "MALFORMED_EXT_TRANSACTION_DATA",
    "message": "Malformed extTransactionData.",
    "httpStatus": 400,
    "extension": true,
    "retryAfter": false,
    "alwaysJson": false
  },
  "103": {
    "code": 103,
    "name": "CALLBACK_URL_NOT_ALLOWED",
    "message": "ctl_callbackUrl is not an absolute http(s) URL on a host the tenant allows.",
    "httpStatus": 400,
    "extension": true,
    "retryAfter": false,
    "alwaysJson": false
  },
  "104": {
    "code": 104,
    "name": "BACK_NOT_ALLOWED",
    "message": "back is not an absolute http(s) URL on an origin the tenant allows.",
    "httpStatus": 400,
    "extension": true,
    "retryAfter": false,
    "alwaysJson": true
  },
  "105": {
    "code": 105,
    "name": "INVALID_DIALPLAN",
    "message": "dialplan_id is not a dial plan of the tenant.",
    "httpStatus": 400,
    "extension": true,
    "retryAfter": false,
    "alwaysJson": false
  },
  "106": {
    "code": 106,
    "name": "RATE_LIMITED",
    "message": "Too many requests; try again later.",
    "httpStatus": 429,
    "extension": true,
    "retryAfter": true,
    "alwaysJson": false
  },
  "107": {
    "code": 107,
    "name": "BODY_TOO_LARGE",
    "message": "Request body over 64 KiB.",
    "httpStatus": 413,
    "extension": true,
    "retryAfter": false,
    "alwaysJson": true
  },
  "108": {
    "code": 108,
    "name": "UNSUPPORTED_MEDIA_TYPE",
    "message": "Body must be application/x-www-form-urlencoded.",
    "httpStatus": 415,
    "extension": true,
    "retryAfter": false,
    "alwaysJson": true
  },
  "109": {
    "code": 109,
    "name": "HTTPS_REQUIRED",
    "message": "HTTPS required.",
    "httpStatus": 403,
    "extension": true,
    "retryAfter": false,
    "alwaysJson": true
  }
};

export interface CheckStep {
  readonly step: number;
  readonly rule: string;
  /** The callback_type the step applies to, when only one. */
  readonly when?: "1" | "2";
  /** In the order they are checked within the step. */
  readonly codes: readonly CtlErrorCode[];
}

/** The order of checks (x-webcallback-order-of-checks): the first failure wins. */
export const ORDER_OF_CHECKS: readonly CheckStep[] = [
  {
    "step": 0,
    "rule": "the request can be read (transport)",
    "codes": [
      109,
      107,
      108
    ]
  },
  {
    "step": 1,
    "rule": "the service can take the request",
    "codes": [
      15
    ]
  },
  {
    "step": 2,
    "rule": "the tenant is known and enabled",
    "codes": [
      1
    ]
  },
  {
    "step": 3,
    "rule": "web callback is enabled for the tenant",
    "codes": [
      2
    ]
  },
  {
    "step": 4,
    "rule": "the token is one of the tenant's active tokens",
    "codes": [
      3
    ]
  },
  {
    "step": 5,
    "rule": "back (when present) is on an origin the tenant allows",
    "codes": [
      104
    ]
  },
  {
    "step": 6,
    "rule": "the phone number has 1 to 15 digits",
    "codes": [
      17
    ]
  },
  {
    "step": 7,
    "rule": "callback_type is present and is 1 or 2",
    "codes": [
      10,
      14
    ]
  },
  {
    "step": 8,
    "rule": "type 1: channel present and the tenant's, delay numeric",
    "when": "1",
    "codes": [
      12,
      13,
      11
    ]
  },
  {
    "step": 9,
    "rule": "type 2: queue known, enabled and outbound, expiration numeric",
    "when": "2",
    "codes": [
      7,
      8,
      9,
      11
    ]
  },
  {
    "step": 10,
    "rule": "extTransactionData is at most 500 characters",
    "codes": [
      16
    ]
  },
  {
    "step": 11,
    "rule": "pair lists well-formed, callback URL and dial plan allowed, within the rate limit",
    "codes": [
      101,
      102,
      103,
      105,
      106
    ]
  },
  {
    "step": 12,
    "rule": "nothing unexpected failed",
    "codes": [
      19
    ]
  }
];

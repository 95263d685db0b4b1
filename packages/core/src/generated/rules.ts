// generated from openapi/webcallback.yaml by scripts/generate.ts; do not edit.

/** The API's one path. */
export const ENDPOINT_PATH = "/SC/webcallback.php";

/** paths./SC/webcallback.php.post.requestBody.x-max-bytes: larger bodies are refused (413, ctl_error 107). */
export const BODY_LIMIT_BYTES = 65536;

/** paths./SC/webcallback.php.post.requestBody.x-readable-charsets: a form naming another charset is refused (415, ctl_error 108). */
export const READABLE_CHARSETS = ["utf-8","utf8","us-ascii"] as const;

/** Every parameter of the request, in the document's order. */
export const PARAMETERS = [
  {
    "name": "tenant",
    "required": true
  },
  {
    "name": "token",
    "required": true
  },
  {
    "name": "phone",
    "required": true
  },
  {
    "name": "callback_type",
    "required": true
  },
  {
    "name": "channel_number",
    "required": false
  },
  {
    "name": "queue_id",
    "required": false
  },
  {
    "name": "callback_delay",
    "required": false
  },
  {
    "name": "expiration",
    "required": false
  },
  {
    "name": "extTransactionData",
    "required": false
  },
  {
    "name": "caller_id",
    "required": false
  },
  {
    "name": "back",
    "required": false
  },
  {
    "name": "ctl_userdata",
    "required": false
  },
  {
    "name": "dialplan_id",
    "required": false
  }
] as const;

export type ParameterName = (typeof PARAMETERS)[number]["name"];

/** components.schemas.Phone.pattern, for a trimmed value. */
export const PHONE_PATTERN = new RegExp("^(?:\\+?[ .()-]*(?:[0-9][ .()-]*){1,15})$");

/** components.schemas.Numeric.pattern, for a trimmed value: callback_delay and expiration. */
export const NUMERIC_PATTERN = new RegExp("^(?:[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+))$");

/** components.schemas.DialplanId.pattern, for a trimmed value. */
export const DIALPLAN_ID_PATTERN = new RegExp("^(?:[0-9]+)$");

/** components.schemas.CallbackType.x-values */
export const CALLBACK_TYPES = ["1","2"] as const;

/** components.schemas.ExtTransactionData.maxLength, in Unicode code points. */
export const EXT_TRANSACTION_DATA_MAX_LENGTH = 500;

/** components.schemas.CallbackRequest: what each callback_type requires besides the always-required parameters. */
export const REQUIRED_BY_CALLBACK_TYPE = {
  "1": [
    "channel_number"
  ],
  "2": [
    "queue_id"
  ]
} as const;

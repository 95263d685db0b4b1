// The checks a request can fail without the tenant's directory (ctl_error 10, 11, 12, 14,
// 16, 17, 101, 102), in the server's order of checks, with core's rules and grammar.
import {
  CALLBACK_TYPES,
  type CtlErrorCode,
  EXT_TRANSACTION_DATA_MAX_LENGTH,
  isPairList,
  NUMERIC_PATTERN,
  PHONE_PATTERN,
} from "@webcallback/core";
import type { Encoded } from "./params.js";
import { type CallbackRefused, refused } from "./result.js";

// The codes by number, not through CTL_ERROR: its table of names would triple their weight in a
// browser bundle. The type keeps each one a code of the catalogue; a test checks the names.
const MISSING_PHONE = 17 satisfies CtlErrorCode;
const MISSING_CALLBACK_TYPE = 10 satisfies CtlErrorCode;
const UNKNOWN_CALLBACK_TYPE = 14 satisfies CtlErrorCode;
const MISSING_CHANNEL = 12 satisfies CtlErrorCode;
const NOT_NUMERIC = 11 satisfies CtlErrorCode;
const EXT_DATA_TOO_LONG = 16 satisfies CtlErrorCode;
const MALFORMED_CTL_USERDATA = 101 satisfies CtlErrorCode;
const MALFORMED_EXT_TRANSACTION_DATA = 102 satisfies CtlErrorCode;

/** The codes a request can be refused with before it is sent, in the order they are checked. */
export const LOCAL_CODES = [
  MISSING_PHONE,
  MISSING_CALLBACK_TYPE,
  UNKNOWN_CALLBACK_TYPE,
  MISSING_CHANNEL,
  NOT_NUMERIC,
  EXT_DATA_TOO_LONG,
  MALFORMED_CTL_USERDATA,
  MALFORMED_EXT_TRANSACTION_DATA,
] as const;

/** Trimmed, and undefined when empty: how the server reads every parameter. */
function paramOf(encoded: Encoded, name: string): string | undefined {
  const value = encoded.params.find((entry) => entry[0] === name)?.[1].trim();
  return value === "" ? undefined : value;
}

/** The first rule the request breaks that the server would also refuse it for, or undefined. */
export function checkLocally(encoded: Encoded): CallbackRefused | undefined {
  const phone = paramOf(encoded, "phone");
  if (phone === undefined || !PHONE_PATTERN.test(phone)) return refused(MISSING_PHONE);
  const type = paramOf(encoded, "callback_type");
  if (type === undefined) return refused(MISSING_CALLBACK_TYPE);
  if (!(CALLBACK_TYPES as readonly string[]).includes(type)) return refused(UNKNOWN_CALLBACK_TYPE);
  if (type === "1" && paramOf(encoded, "channel_number") === undefined) return refused(MISSING_CHANNEL);
  const number = paramOf(encoded, type === "1" ? "callback_delay" : "expiration");
  if (number !== undefined && !NUMERIC_PATTERN.test(number)) return refused(NOT_NUMERIC);
  const ext = paramOf(encoded, "extTransactionData");
  if (ext !== undefined && [...ext].length > EXT_TRANSACTION_DATA_MAX_LENGTH) return refused(EXT_DATA_TOO_LONG);
  if (encoded.unwritable === "ctl_userdata") return refused(MALFORMED_CTL_USERDATA);
  const userData = paramOf(encoded, "ctl_userdata");
  if (userData !== undefined && !isPairList(userData)) return refused(MALFORMED_CTL_USERDATA);
  if (encoded.unwritable === "extTransactionData") return refused(MALFORMED_EXT_TRANSACTION_DATA);
  if (ext !== undefined && !isPairList(ext)) return refused(MALFORMED_EXT_TRANSACTION_DATA);
  return undefined;
}

// A CallbackInput written as the API's parameters, in the order the seed's example URLs use.
import { formatUserData, type Pair } from "@webcallback/core";
import type { CallbackInput, PairsInput } from "./input.js";

/** The parameters in seed order; only names with a value are present. */
export type CallbackParams = readonly (readonly [name: string, value: string])[];

export interface Encoded {
  readonly params: CallbackParams;
  /** The first pair list core's formatter could not write, if any (it is then left out). */
  readonly unwritable: "ctl_userdata" | "extTransactionData" | undefined;
}

function toPairs(input: Exclude<PairsInput, string>): Pair[] {
  const entries: readonly (readonly [string, string])[] = Array.isArray(input)
    ? (input as readonly (readonly [string, string])[])
    : Object.entries(input);
  return entries.map(([name, value]) => ({ name, value }));
}

/** Written text; null when a pair has no spelling (the formatter throws), undefined when there is nothing. */
function writePairs(input: PairsInput | undefined, prefix: readonly Pair[]): string | null | undefined {
  if (input === undefined && prefix.length === 0) return undefined;
  // Text is taken as written; the local checks parse it with the same grammar the server uses.
  if (typeof input === "string") return formatUserData(prefix) + input;
  try {
    return formatUserData([...prefix, ...(input === undefined ? [] : toPairs(input))]);
  } catch {
    return null;
  }
}

/** JavaScript's exponent form, which String() uses below 1e-6 and from 1e21 on. */
const EXPONENT_FORM = /^(-?)([0-9])(?:\.([0-9]+))?e([+-][0-9]+)$/;

/**
 * A number in plain decimal notation, the only form the API's numeric grammar reads (`1e-7` is
 * ctl_error 11, `0.0000001` is not), with the same digits String() gives. NaN and the infinities
 * stay as String() writes them, so the local checks refuse them (11) before anything is sent.
 */
function decimalText(value: number): string {
  const text = String(value);
  const match = EXPONENT_FORM.exec(text);
  if (match === null) return text;
  const [, sign = "", lead = "", rest = "", exponent = "0"] = match;
  const digits = lead + rest;
  const shift = Number(exponent);
  // String() switches to exponent form only past 20 integer digits or before 6 leading zeros,
  // so the point always falls outside the digits: zeros go before them or after them.
  return shift < 0 ? `${sign}0.${"0".repeat(-shift - 1)}${digits}` : `${sign}${digits}${"0".repeat(shift + 1 - digits.length)}`;
}

function numberText(value: number | undefined): string | undefined {
  return value === undefined ? undefined : decimalText(value);
}

export function encodeInput(tenant: string, token: string, input: CallbackInput): Encoded {
  const userData = writePairs(
    input.userData,
    input.callbackUrl === undefined ? [] : [{ name: "ctl_callbackUrl", value: input.callbackUrl }],
  );
  const ext = writePairs(input.extTransactionData, []);
  const type1 = input.callbackType === 1;
  const type2 = input.callbackType === 2;
  const candidates: [string, string | undefined][] = [
    ["tenant", tenant],
    ["token", token],
    ["phone", input.phone],
    ["callback_type", input.callbackType === undefined ? undefined : String(input.callbackType)],
    ["channel_number", type1 ? input.channelNumber : undefined],
    ["back", input.back],
    ["caller_id", input.callerId],
    ["callback_delay", type1 ? numberText(input.callbackDelay) : undefined],
    ["queue_id", type2 ? input.queueId : undefined],
    ["expiration", type2 ? numberText(input.expiration) : undefined],
    ["ctl_userdata", userData ?? undefined],
    ["extTransactionData", ext ?? undefined],
    ["dialplan_id", input.dialplanId],
  ];
  const params = candidates.filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== "");
  return { params, unwritable: userData === null ? "ctl_userdata" : ext === null ? "extTransactionData" : undefined };
}

// Characters a query value may carry as they are: the seed's URLs show [ | ] : / $ unescaped.
const KEPT = /%(5B|5D|7C|3A|2F|24|40|2C)/g;

/** Percent-encodes a name or value, leaving the characters the seed's URLs carry unescaped. */
export function encodeComponent(text: string): string {
  return encodeURIComponent(text).replace(KEPT, (kept) => decodeURIComponent(kept));
}

/** `name=value&…` for a query string or a form body. */
export function encodeParams(params: CallbackParams): string {
  return params.map(([name, value]) => `${encodeComponent(name)}=${encodeComponent(value)}`).join("&");
}

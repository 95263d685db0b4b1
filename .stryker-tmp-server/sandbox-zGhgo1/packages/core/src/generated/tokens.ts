// @ts-nocheck
// generated from openapi/webcallback.yaml by scripts/generate.ts; do not edit.

/** Every `$token$` name a user-data value may carry (x-webcallback-tokens), in the document's order. */
export const TOKEN_NAMES = [
  "caller_id",
  "transaction_id",
  "call_answered_time",
  "call_hangup_time",
  "callAnsweredTenantTT",
  "callHangupTenantTT",
  "callDuration",
  "equal",
  "interaction_guid",
  "year",
  "month",
  "date",
  "hours",
  "minutes",
  "seconds",
  "transaction_codes",
  "notes",
  "lastTclListName",
  "lastTclCodeDesc",
  "lastTclCodeShort"
] as const;

export type TokenName = (typeof TOKEN_NAMES)[number];

export interface TokenEntry {
  readonly description: string;
  /** What the token is replaced with, exactly. */
  readonly format: string;
}

export const TOKENS: { readonly [Name in TokenName]: TokenEntry } = {
  "caller_id": {
    "description": "The caller id the customer saw on the outbound call.",
    "format": "text, as used on the outbound call"
  },
  "transaction_id": {
    "description": "The transaction id of the outbound call.",
    "format": "text"
  },
  "call_answered_time": {
    "description": "When the customer answered the outbound call.",
    "format": "UTC seconds since the epoch as an integer, 0 when the call was not established"
  },
  "call_hangup_time": {
    "description": "When the outbound call was hung up.",
    "format": "UTC seconds since the epoch as an integer, 0 when the call was not established"
  },
  "callAnsweredTenantTT": {
    "description": "When the customer answered, as a local timestamp of the tenant.",
    "format": "YYYY/MM/DD HH:mm:ss ±HH:MM in the tenant's time zone, empty when the call was not established"
  },
  "callHangupTenantTT": {
    "description": "When the call was hung up, as a local timestamp of the tenant.",
    "format": "YYYY/MM/DD HH:mm:ss ±HH:MM in the tenant's time zone, empty when the call was not established"
  },
  "callDuration": {
    "description": "How long the call lasted, from answer to hang-up.",
    "format": "HH:MM:SS with hours unbounded (may exceed 99), 00:00:00 when the call was not established"
  },
  "equal": {
    "description": "A literal equals sign, for values that cannot carry one as written.",
    "format": "="
  },
  "interaction_guid": {
    "description": "The GUID of the interaction the outbound call belongs to.",
    "format": "text (a UUID)"
  },
  "year": {
    "description": "The year at delivery time.",
    "format": "YYYY, in the tenant's time zone"
  },
  "month": {
    "description": "The month at delivery time.",
    "format": "MM (01-12), in the tenant's time zone"
  },
  "date": {
    "description": "The day of the month at delivery time.",
    "format": "DD (01-31), in the tenant's time zone"
  },
  "hours": {
    "description": "The hour at delivery time.",
    "format": "HH (00-23, 24-hour clock), in the tenant's time zone"
  },
  "minutes": {
    "description": "The minute at delivery time.",
    "format": "MM (00-59), in the tenant's time zone"
  },
  "seconds": {
    "description": "The second at delivery time.",
    "format": "SS (00-59), in the tenant's time zone"
  },
  "transaction_codes": {
    "description": "Every transaction code the agent selected, in the order selected.",
    "format": "list:short for each code, joined by commas without spaces, empty when none was selected"
  },
  "notes": {
    "description": "The free-text notes the agent entered with the transaction codes.",
    "format": "text, empty when none"
  },
  "lastTclListName": {
    "description": "The list name of the transaction code selected last.",
    "format": "text, empty when no code was selected"
  },
  "lastTclCodeDesc": {
    "description": "The description of the transaction code selected last.",
    "format": "text, empty when no code was selected"
  },
  "lastTclCodeShort": {
    "description": "The short code of the transaction code selected last.",
    "format": "text, empty when no code was selected"
  }
};

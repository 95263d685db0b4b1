// What a caller of requestCallback writes: one shape per callback_type, so that a
// type-2 request without a queue or a delay on a type-2 request does not compile.

/** Pairs as an object (`{ Order: "1234" }`), an array of `[name, value]`, or already written `[name|value]…` text. */
export type PairsInput = Readonly<Record<string, string>> | readonly (readonly [name: string, value: string])[] | string;

interface CommonInput {
  /** The customer's number: 1-15 digits, a leading `+` and the separators space - . ( ) allowed. */
  readonly phone: string;
  /** `Anonymous`, `-1`, or one of the tenant's channel numbers; otherwise the tenant default. */
  readonly callerId?: string;
  /** Where the server sends the visitor afterwards (redirect mode); its origin must be allowed for the tenant. */
  readonly back?: string;
  readonly dialplanId?: string;
  /** Sent back with the result POST, `$token$` placeholders expanded (ctl_userdata). */
  readonly userData?: PairsInput;
  /** Where the result is POSTed: written first in ctl_userdata as `ctl_callbackUrl`. */
  readonly callbackUrl?: string;
  /** Shown to the agent when the interaction is offered; at most 500 characters once written. */
  readonly extTransactionData?: PairsInput;
}

/** callback_type 1: call now, or after `callbackDelay` seconds; the channel's IVR script runs on answer. */
export interface CallNowInput extends CommonInput {
  readonly callbackType: 1;
  readonly channelNumber: string;
  /** Seconds to wait before calling; 0 or less means none, fractions round up. */
  readonly callbackDelay?: number;
  readonly queueId?: never;
  readonly expiration?: never;
}

/** callback_type 2: call when an agent serving `queueId` is free; give up after `expiration` seconds. */
export interface AgentAvailableInput extends CommonInput {
  readonly callbackType: 2;
  readonly queueId: string;
  /** Seconds after acceptance at which a request still waiting is deleted; 0 or less means none. */
  readonly expiration?: number;
  readonly channelNumber?: never;
  readonly callbackDelay?: never;
}

export type CallbackInput = CallNowInput | AgentAvailableInput;

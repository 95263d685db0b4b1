// @ts-nocheck
// The normalized request the validator hands on: trimmed, typed, pair lists parsed.
import type { Pair } from "./pairs.js";

/** The caller id chosen by the seed's rules for `caller_id`. */
export type CallerId =
  | { readonly kind: "anonymous" }
  /** `-1` on a type-2 request: the caller id of the agent who takes it. */
  | { readonly kind: "agent-default" }
  | { readonly kind: "channel"; readonly number: string }
  | { readonly kind: "tenant-default"; readonly number: string };

interface RequestBase {
  readonly tenant: string;
  /** Digits only: the leading `+` and separators removed. */
  readonly phone: string;
  readonly callerId: CallerId;
  /** Present only when it is allowed for the tenant. */
  readonly back: string | undefined;
  /** Undefined means the tenant's default dial plan. */
  readonly dialplanId: string | undefined;
  /** ctl_userdata pairs whose names do not start with `ctl_`, in order, tokens unexpanded. */
  readonly userData: readonly Pair[];
  /** ctl_userdata pairs whose names start with `ctl_`, in order. */
  readonly systemData: readonly Pair[];
  /** ctl_callbackUrl, checked against the tenant's allowed hosts. */
  readonly callbackUrl: string | undefined;
  readonly extTransactionData: readonly Pair[];
}

/** callback_type 1: call now, or after a delay. */
export interface CallNowRequest extends RequestBase {
  readonly callbackType: 1;
  readonly channelNumber: string;
  /** Whole seconds, 0 for none. */
  readonly delaySeconds: number;
}

/** callback_type 2: call when an agent serving the queue is available. */
export interface AgentAvailableRequest extends RequestBase {
  readonly callbackType: 2;
  readonly queueId: string;
  /** Whole seconds after acceptance, or undefined for none. */
  readonly expirationSeconds: number | undefined;
}

export type CallbackRequest = CallNowRequest | AgentAvailableRequest;

/** The raw parameters: query and form merged, as strings. */
export type RequestParams = Readonly<Record<string, string | undefined>>;

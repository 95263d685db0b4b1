// The form body of the result POST (CONTRACT.md section 5): every user-data pair with its
// tokens expanded from the real call, then ctl_result and ctl_interaction_guid.
import { type CallbackRequest, expandUserData, type TransactionCode } from "@webcallback/core";
import type { CallRecord, InteractionResult } from "../store/store.js";

export interface ResultInput {
  readonly request: CallbackRequest;
  readonly interactionGuid: string;
  readonly result: InteractionResult;
  /** The customer leg, when a call was placed. */
  readonly call: CallRecord | undefined;
  /** Server clock, ms: the date-part tokens read it. */
  readonly now: number;
  readonly timeZone: string;
}

export function resultBody(input: ResultInput): string {
  const call = input.call;
  const established = call?.answeredAt !== undefined;
  const codes: TransactionCode[] = (call?.transactionCodes ?? []).map((c) => ({
    list: c.list,
    short: c.code,
    description: c.description ?? "",
  }));
  const pairs = expandUserData(input.request.userData, {
    callerId: call?.callerId ?? "",
    transactionId: call?.callId ?? "",
    interactionGuid: input.interactionGuid,
    answeredAt: established ? call?.answeredAt : undefined,
    hungUpAt: established ? call?.endedAt : undefined,
    transactionCodes: codes,
    notes: call?.notes ?? "",
    now: input.now,
    timeZone: input.timeZone,
  });
  const form = new URLSearchParams();
  for (const pair of pairs) form.append(pair.name, pair.value);
  form.append("ctl_result", input.result);
  form.append("ctl_interaction_guid", input.interactionGuid);
  return form.toString();
}

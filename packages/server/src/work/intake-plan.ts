// What accepting a request decides, in one place for intake and the scheduler: when a
// type-1 call falls due, when a type-2 request leaves its queue, its first state, and the
// body of the 202 answer.
import type { AcceptedBody, CallbackRequest } from "@webcallback/core";
import type { InteractionState } from "../store/store.js";

export interface IntakePlan {
  /** Type 1: when the call is placed (acceptance plus the delay); null for type 2. */
  readonly dueAt: number | null;
  /** Type 2: when the request leaves its queue unanswered; null for none (and for type 1). */
  readonly expiresAt: number | null;
  /** Type 1 waits for its time (`pending`); type 2 waits in its queue (`queued`). */
  readonly state: InteractionState;
  readonly body: AcceptedBody;
}

/** The plan for `request` accepted at `now` (ms since the epoch, server clock) as `interactionGuid`. */
export function planIntake(request: CallbackRequest, now: number, interactionGuid: string): IntakePlan {
  if (request.callbackType === 1) {
    const dueAt = now + request.delaySeconds * 1000;
    return {
      dueAt,
      expiresAt: null,
      state: "pending",
      body: { status: "accepted", interaction_guid: interactionGuid, callback_type: 1, call_at: new Date(dueAt).toISOString() },
    };
  }
  const expiresAt = request.expirationSeconds === undefined ? null : now + request.expirationSeconds * 1000;
  return {
    dueAt: null,
    expiresAt,
    state: "queued",
    body: {
      status: "accepted",
      interaction_guid: interactionGuid,
      callback_type: 2,
      queue_id: request.queueId,
      expires_at: expiresAt === null ? null : new Date(expiresAt).toISOString(),
    },
  };
}

// The domain's state changes as data: what placing, answering and ending a call, offering
// a queued request and ending an interaction write. Pure functions of records and the
// time; the scheduler reads the records, calls these, and applies the WorkChange.
import { randomUUID } from "node:crypto";
import type { ConfigTenant } from "../config/config-directory.js";
import type { CallPlan } from "../dialer/dialer.js";
import type {
  AgentRecord,
  CallOutcome,
  CallRecord,
  DeliveryRecord,
  InteractionResult,
  InteractionState,
  NewJob,
  OfferRecord,
  StoredInteraction,
  WorkChange,
} from "../store/store.js";
import { resultBody } from "../webhooks/result-body.js";
import { callerIdFor, numberToDial } from "./call-setup.js";

/** The states from which each step may move an interaction. */
export const MOVES_FROM: Readonly<Record<"dial" | "offer" | "accept" | "reject" | "expire" | "finish", readonly InteractionState[]>> = {
  dial: ["pending"],
  offer: ["queued"],
  accept: ["offered"],
  reject: ["offered"],
  expire: ["queued", "offered"],
  finish: ["calling"],
};

export interface Placed {
  readonly calls: CallRecord[];
  readonly jobs: NewJob[];
  /** Set when the customer leg ended at once (busy, failed): the interaction ends too. */
  readonly endedWith?: CallOutcome;
}

/** A new customer leg and the jobs of its plan. */
export function placeCustomerLeg(
  interaction: StoredInteraction,
  tenant: ConfigTenant | undefined,
  plan: (number: string) => CallPlan,
  now: number,
  agent?: AgentRecord,
): Placed {
  const request = interaction.request;
  const numberDialled = numberToDial(request, tenant);
  const callPlan = plan(numberDialled);
  const base: CallRecord = {
    callId: randomUUID(),
    interactionGuid: interaction.interactionGuid,
    tenant: interaction.tenant,
    leg: "customer",
    numberDialled,
    callerId: callerIdFor(request, tenant, agent),
    // Stryker disable next-line ConditionalExpression: a type-2 request has no channelNumber, so `true` reads undefined too (the killed `false` is dropped with it)
    channel: request.callbackType === 1 ? request.channelNumber : undefined,
    // Stryker disable next-line ConditionalExpression: a type-1 request has no queueId, so `true` reads undefined too (the killed `false` is dropped with it)
    queueId: request.callbackType === 2 ? request.queueId : undefined,
    agentId: agent?.agentId,
    state: "ringing",
    placedAt: now,
    talkMs: callPlan.talkMs,
  };
  if (callPlan.ringMs === 0 && callPlan.afterRing !== "answer") {
    return { calls: [{ ...base, state: "ended", outcome: callPlan.afterRing, endedAt: now }], jobs: [], endedWith: callPlan.afterRing };
  }
  const kind = callPlan.afterRing === "answer" ? "answer" : "end";
  return { calls: [base], jobs: [{ kind, ref: base.callId, dueAt: now + callPlan.ringMs }] };
}

/** The agent's leg of a type-2 call: agents answer at once, before the customer is dialled. */
export function placeAgentLeg(
  interaction: StoredInteraction,
  agent: AgentRecord,
  tenant: ConfigTenant | undefined,
  now: number,
): CallRecord {
  return {
    callId: randomUUID(),
    interactionGuid: interaction.interactionGuid,
    tenant: interaction.tenant,
    leg: "agent",
    numberDialled: agent.phone ?? agent.agentId,
    callerId: tenant?.defaultCallerId ?? "",
    queueId: interaction.queueId,
    agentId: agent.agentId,
    state: "answered",
    placedAt: now,
    answeredAt: now,
  };
}

/** The customer answered: the IVR script of a type-1 call's channel runs, and the hang-up is planned. */
export function answered(call: CallRecord, tenant: ConfigTenant | undefined, now: number): { call: CallRecord; job: NewJob } {
  const channel = call.leg === "customer" ? call.channel : undefined;
  // Stryker disable next-line ConditionalExpression: no channel is numbered undefined, so `false` finds no script either (the killed `true` is dropped with it)
  const ivrScript = channel === undefined ? undefined : tenant?.channel(channel)?.ivrScript;
  return {
    call: { ...call, state: "answered", answeredAt: now, ...(ivrScript === undefined ? {} : { ivrScript }) },
    job: { kind: "end", ref: call.callId, dueAt: now + (call.talkMs ?? 0) },
  };
}

export function ended(call: CallRecord, outcome: CallOutcome, now: number, extra: Partial<CallRecord> = {}): CallRecord {
  return { ...call, ...extra, state: "ended", outcome, endedAt: now };
}

export interface DeliveryPolicy {
  readonly retryForMs: number;
}

/** The result POST of an interaction that ended, or undefined when it has no ctl_callbackUrl. */
export function deliveryFor(
  interaction: StoredInteraction,
  result: InteractionResult,
  customerCall: CallRecord | undefined,
  tenant: ConfigTenant | undefined,
  now: number,
  policy: DeliveryPolicy,
): DeliveryRecord | undefined {
  const url = interaction.request.callbackUrl;
  if (url === undefined) return undefined;
  const body = resultBody({
    request: interaction.request,
    interactionGuid: interaction.interactionGuid,
    result,
    call: customerCall,
    now,
    timeZone: tenant?.timeZone ?? "UTC",
  });
  return {
    deliveryId: randomUUID(),
    interactionGuid: interaction.interactionGuid,
    tenant: interaction.tenant,
    url,
    body,
    state: "pending",
    attempts: 0,
    nextAttemptAt: now,
    createdAt: now,
    giveUpAt: now + policy.retryForMs,
  };
}

/**
 * The end of an interaction: its live legs end, its agent is free again, the result is
 * recorded and its POST (if any) is queued. `calls` are the interaction's calls with the
 * ones this step changed already replaced.
 */
export function finishInteraction(
  interaction: StoredInteraction,
  result: InteractionResult,
  calls: readonly CallRecord[],
  agent: AgentRecord | undefined,
  tenant: ConfigTenant | undefined,
  now: number,
  policy: DeliveryPolicy,
  from: readonly InteractionState[],
): WorkChange {
  const closed = calls.map((call) => (call.state === "ended" ? call : ended(call, "completed", now)));
  const customer = [...closed].reverse().find((call) => call.leg === "customer");
  const delivery = deliveryFor(interaction, result, customer, tenant, now, policy);
  return {
    interaction: { guid: interaction.interactionGuid, from, state: "done", result },
    putCalls: closed,
    ...(agent === undefined ? {} : { putAgents: [{ ...agent, busyWith: undefined, availableSince: now }] }),
    ...(delivery === undefined ? {} : { putDeliveries: [delivery], addJobs: [{ kind: "deliver", ref: delivery.deliveryId, dueAt: now }] }),
    dropJobs: [
      ...calls.flatMap((call) => [
        { kind: "answer" as const, ref: call.callId },
        { kind: "end" as const, ref: call.callId },
      ]),
      { kind: "expire", ref: interaction.interactionGuid },
    ],
  };
}

export function newOffer(interaction: StoredInteraction, agent: AgentRecord, now: number): OfferRecord {
  return {
    offerId: randomUUID(),
    interactionGuid: interaction.interactionGuid,
    agentId: agent.agentId,
    queueId: interaction.queueId ?? "",
    extTransactionData: interaction.request.extTransactionData.map((p) => ({ name: p.name, value: p.value })),
    offeredAt: now,
    state: "open",
  };
}

// Runs the work after intake: one timer for the earliest due job, atomic claims of what is
// due, one step per job (place, answer, end a call; expire a queued request; deliver a
// result), and the queues' offers to available agents. Every step is one WorkChange, so a
// crash before it commits leaves the job to run again after the restart, and one after it
// leaves nothing to repeat: no customer is called twice.
import { randomBytes } from "node:crypto";
import { setImmediate as yieldToIo } from "node:timers/promises";
import type { Clock } from "../clock.js";
import type { ConfigTenant } from "../config/config-directory.js";
import type { Dialer } from "../dialer/dialer.js";
import type { Logger } from "../ops/logger.js";
import type {
  AgentRecord,
  CallRecord,
  InteractionResult,
  InteractionState,
  Job,
  NewInteraction,
  OfferRecord,
  Store,
  StoredInteraction,
  WorkChange,
} from "../store/store.js";
import { isRetryable, retryDelayMs } from "../webhooks/retry-policy.js";
import type { WebhookSender } from "../webhooks/sender.js";
import { SIGNATURE_HEADER, signBody } from "../webhooks/signature.js";
import { OffsetClock } from "./offset-clock.js";
import {
  answered,
  type DeliveryPolicy,
  ended,
  finishInteraction,
  MOVES_FROM,
  newOffer,
  placeAgentLeg,
  placeCustomerLeg,
} from "./transitions.js";
import type { WorkMetrics } from "./work-metrics.js";

/** @default 256 — jobs claimed at once. */
export const CLAIM_BATCH = 256;
/** @default 64 — result POSTs in flight at once. */
export const DELIVERY_CONCURRENCY = 64;
/** Timers longer than this are re-armed (setTimeout's limit is about 24.8 days). */
const MAX_TIMER_MS = 3_600_000;
/** After a pass fails (the store is down), the next one starts this much later (real time). */
const RETRY_AFTER_FAILURE_MS = 1000;
/** A step that throws is tried again this much later (server clock). */
const FAILED_STEP_RETRY_MS = 60_000;

export interface SchedulerOptions {
  readonly store: Store;
  readonly clock: Clock;
  readonly dialer: Dialer;
  readonly tenant: (name: string) => ConfigTenant | undefined;
  readonly sender: WebhookSender;
  readonly log: Logger;
  readonly metrics?: WorkMetrics | undefined;
  readonly delivery: DeliveryPolicy;
}

/** What a step reads and writes, as keys: steps with no key in common can share a commit. */
function touchedBy(job: Job, change: WorkChange): string[] {
  const keys = [job.ref];
  if (change.interaction !== undefined) keys.push(change.interaction.guid);
  for (const call of change.putCalls ?? []) keys.push(call.callId, call.interactionGuid);
  for (const agent of change.putAgents ?? []) keys.push(`agent:${agent.agentId}`);
  for (const delivery of change.putDeliveries ?? []) keys.push(delivery.deliveryId);
  return keys;
}

export class StepRefusedError extends Error {
  override readonly name = "StepRefusedError";
  constructor(
    message: string,
    readonly status: 404 | 409,
  ) {
    super(message);
  }
}

export interface EndCallInput {
  readonly transactionCodes?: readonly { list: string; code: string; description?: string | undefined }[] | undefined;
  readonly notes?: string | undefined;
}

export class Scheduler {
  /** Names this process's claims. */
  readonly claimer = `worker-${randomBytes(6).toString("hex")}`;
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private wakePending = false;
  /**
   * Whether a queue or an agent may have changed since the last offers were made (a type-2
   * request, an agent's change, a rejected offer, an agent freed): only then are offers looked for.
   */
  private queuesChanged = true;
  /** A step of the current batch added a job that is already due. */
  private addedDueNow = false;
  /** When the timer fires (server clock), or undefined when none is armed. */
  private armedFor: number | undefined;

  constructor(private readonly o: SchedulerOptions) {}

  /** Takes over what an earlier process left claimed, then runs what is due. */
  async start(): Promise<void> {
    const released = await this.o.store.releaseClaims();
    if (released > 0) this.o.log.info({ released }, "resumed steps claimed before a restart");
    this.wake();
  }

  /** A request was committed: wake when it needs work before the timer would fire. */
  accepted(interaction: NewInteraction): void {
    const first = interaction.dueAt ?? interaction.acceptedAt;
    if (interaction.callbackType === 2) this.queuesChanged = true;
    if (interaction.callbackType === 2 || this.armedFor === undefined || first < this.armedFor) this.wake();
  }

  /** Something changed (a request was accepted, an agent came in): run what is due now. */
  wake(): void {
    if (this.stopped || this.wakePending) return;
    this.wakePending = true;
    this.serial(async () => {
      this.wakePending = false;
      await this.runDue();
    }).catch(() => {
      // Logged by serial(); the store may be back in a moment, so look again then.
      if (this.stopped) return;
      this.timer = setTimeout(() => this.wake(), RETRY_AFTER_FAILURE_MS);
      this.timer.unref();
    });
  }

  /** Resolves once every step due now (and every change already asked for) has run. */
  settle(): Promise<void> {
    return this.serial(() => this.runDue());
  }

  /** Runs `fn` after every earlier step: one step at a time in this process. */
  serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn);
    this.chain = next.catch((error: unknown) => this.o.log.error({ err: error }, "scheduler step failed"));
    return next;
  }

  /**
   * Moves the simulated clock forward, running every step that falls due within the advance
   * at its own due time, in order; resolves once they (result POSTs included) have run.
   */
  advance(seconds: number): Promise<void> {
    const clock = this.o.clock;
    if (!(clock instanceof OffsetClock)) return Promise.reject(new Error("the clock is not simulated"));
    return this.serial(async () => {
      const target = clock.offsetMs + Math.round(seconds * 1000);
      for (;;) {
        const next = await this.o.store.nextDueAt();
        if (next === undefined || next > clock.real() + target) break;
        if (next > clock.now()) {
          clock.offsetMs = next - clock.real();
          // Kept as it goes, so a crash in the middle never turns the server clock back.
          await this.o.store.setClockOffset(clock.offsetMs);
        }
        await this.runDue(false);
      }
      clock.offsetMs = target;
      await this.o.store.setClockOffset(target);
      await this.runDue();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    await this.chain.catch(() => undefined);
  }

  private async runDue(arm = true): Promise<void> {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.armedFor = undefined;
    for (;;) {
      for (;;) {
        // Store calls may all be synchronous underneath: let intake and /sim reads in between batches.
        await yieldToIo();
        const now = this.o.clock.now();
        const jobs = await this.o.store.claimDue(now, CLAIM_BATCH, this.claimer);
        if (jobs.length === 0) break;
        this.addedDueNow = false;
        await this.runJobs(jobs);
        // Fewer than asked for, and the steps added nothing due now: no need to look again.
        if (jobs.length < CLAIM_BATCH && !this.addedDueNow) break;
      }
      if (!this.queuesChanged || (await this.dispatch()) === 0) break;
    }
    if (arm) await this.arm();
  }

  private async arm(): Promise<void> {
    if (this.stopped) return;
    const next = await this.o.store.nextDueAt();
    if (next === undefined) return;
    const delay = Math.min(Math.max(0, next - this.o.clock.now()), MAX_TIMER_MS);
    this.armedFor = this.o.clock.now() + delay;
    this.timer = setTimeout(() => this.wake(), delay);
    this.timer.unref();
  }

  private async runJobs(jobs: readonly Job[]): Promise<void> {
    const deliveries: Job[] = [];
    const steps: Job[] = [];
    for (const job of jobs) (job.kind === "deliver" ? deliveries : steps).push(job);
    await this.runSteps(steps);
    // Result POSTs wait on the network: several at once, each still its own step.
    let next = 0;
    const worker = async () => {
      while (next < deliveries.length) await this.runJob(deliveries[next++] as Job);
    };
    await Promise.all(Array.from({ length: Math.min(DELIVERY_CONCURRENCY, deliveries.length) }, worker));
  }

  /**
   * Steps that touch different interactions, calls and agents are committed together (one
   * transaction, each step in its own savepoint); a step that touches what an earlier one in
   * the batch wrote waits for that batch to commit, then reads afresh.
   */
  private async runSteps(jobs: readonly Job[]): Promise<void> {
    let batch: { job: Job; change: WorkChange }[] = [];
    let touched = new Set<string>();
    const flush = async () => {
      if (batch.length === 0) return;
      const pending = batch;
      batch = [];
      touched = new Set();
      let applied: boolean[];
      try {
        applied = await this.o.store.applyChanges(
          pending.map(({ job, change }) => ({ ...change, finishJob: { id: job.id, claim: job.claim } })),
        );
      } catch (error) {
        this.o.log.error({ err: error }, "a batch of steps failed; running them one by one");
        for (const { job } of pending) await this.runJob(job);
        return;
      }
      const refused: WorkChange[] = [];
      pending.forEach(({ job, change }, i) => {
        if (applied[i]) this.count(change);
        // Its state moved on meanwhile: the step has nothing left to do.
        else refused.push({ finishJob: { id: job.id, claim: job.claim } });
      });
      if (refused.length > 0) await this.o.store.applyChanges(refused);
    };
    for (const job of jobs) {
      const now = this.o.clock.now();
      let change: WorkChange;
      try {
        change = await this.step(job, now);
        const keys = touchedBy(job, change);
        if (keys.some((key) => touched.has(key))) {
          await flush();
          change = await this.step(job, this.o.clock.now());
        }
        for (const key of touchedBy(job, change)) touched.add(key);
      } catch {
        // runJob runs it alone, and on failure logs it and tries again later.
        await flush();
        await this.runJob(job);
        continue;
      }
      this.o.metrics?.late(now - job.dueAt);
      batch.push({ job, change });
    }
    await flush();
  }

  private async runJob(job: Job): Promise<void> {
    const now = this.o.clock.now();
    this.o.metrics?.late(now - job.dueAt);
    try {
      const change = await this.step(job, now);
      const applied = await this.o.store.applyChange({ ...change, finishJob: { id: job.id, claim: job.claim } });
      if (!applied) {
        // Its state moved on meanwhile (an agent answered, a call ended): the step has nothing left to do.
        await this.o.store.applyChange({ finishJob: { id: job.id, claim: job.claim } });
      } else {
        this.count(change);
      }
    } catch (error) {
      this.o.log.error({ err: error, job: job.kind, ref: job.ref }, "step failed; trying again later");
      await this.o.store
        .applyChange({
          finishJob: { id: job.id, claim: job.claim },
          addJobs: [{ kind: job.kind, ref: job.ref, dueAt: now + FAILED_STEP_RETRY_MS }],
        })
        .catch((e: unknown) => this.o.log.error({ err: e }, "could not reschedule a failed step"));
    }
  }

  /** Tallies a change once it has been committed. */
  private count(change: WorkChange): void {
    if (change.addJobs?.some((job) => job.dueAt <= this.o.clock.now())) this.addedDueNow = true;
    if (change.interaction?.result === "expired") this.o.metrics?.abandonedInQueue();
    if (change.putAgents !== undefined || change.putOffers !== undefined) this.queuesChanged = true;
    for (const call of change.putCalls ?? []) {
      if (call.state === "ended" && call.outcome !== undefined) this.o.metrics?.callEnded(call.leg, call.outcome);
    }
  }

  /** What one due job writes (finishJob is added by the caller). */
  private async step(job: Job, now: number): Promise<WorkChange> {
    switch (job.kind) {
      case "dial":
        return this.dial(job.ref, now);
      case "answer":
        return this.answer(job.ref, now);
      case "end":
        return this.endCall(job.ref, now);
      case "expire":
        return this.expire(job.ref, now);
      case "deliver":
        return this.deliver(job.ref, now);
    }
  }

  private plan = (leg: "customer" | "agent") => (number: string) => this.o.dialer.plan(number, leg);

  private async dial(guid: string, now: number): Promise<WorkChange> {
    const interaction = await this.o.store.getInteraction(guid);
    if (interaction === undefined || interaction.state !== "pending") return {};
    const tenant = this.o.tenant(interaction.tenant);
    const placed = placeCustomerLeg(interaction, tenant, this.plan("customer"), now);
    if (placed.endedWith !== undefined) {
      return finishInteraction(interaction, placed.endedWith, placed.calls, undefined, tenant, now, this.o.delivery, MOVES_FROM.dial);
    }
    return {
      interaction: { guid, from: MOVES_FROM.dial, state: "calling" },
      putCalls: placed.calls,
      addJobs: placed.jobs,
    };
  }

  private async answer(callId: string, now: number): Promise<WorkChange> {
    const call = await this.o.store.getCall(callId);
    if (call === undefined || call.state !== "ringing") return {};
    const next = answered(call, this.o.tenant(call.tenant), now);
    return { putCalls: [next.call], addJobs: [next.job] };
  }

  private async endCall(callId: string, now: number, input: EndCallInput = {}): Promise<WorkChange> {
    const call = await this.o.store.getCall(callId);
    if (call === undefined || call.state === "ended") return {};
    const outcome = call.state === "answered" ? "completed" : "no_answer";
    const extra: Partial<CallRecord> = {
      ...(input.transactionCodes === undefined ? {} : { transactionCodes: input.transactionCodes.map((c) => ({ ...c })) }),
      ...(input.notes === undefined ? {} : { notes: input.notes }),
    };
    return this.finishWith(call.interactionGuid, ended(call, outcome, now, extra), outcome, now);
  }

  /** Ends the interaction of `changed` (one of its calls, already updated) with `result`. */
  private async finishWith(guid: string, changed: CallRecord, result: InteractionResult, now: number): Promise<WorkChange> {
    const interaction = await this.o.store.getInteraction(guid);
    if (interaction === undefined || interaction.state !== "calling") return {};
    const calls = (await this.o.store.listCalls({ interactionGuid: guid })).map((c) => (c.callId === changed.callId ? changed : c));
    const agentId = calls.find((c) => c.leg === "agent")?.agentId;
    const agent = agentId === undefined ? undefined : await this.o.store.getAgent(agentId);
    const tenant = this.o.tenant(interaction.tenant);
    return finishInteraction(interaction, result, calls, agent, tenant, now, this.o.delivery, MOVES_FROM.finish);
  }

  private async expire(guid: string, now: number): Promise<WorkChange> {
    const interaction = await this.o.store.getInteraction(guid);
    if (interaction === undefined || !MOVES_FROM.expire.includes(interaction.state)) return {};
    const open = await this.o.store.listOffers({ interactionGuid: guid, state: "open" });
    const change = finishInteraction(
      interaction,
      "expired",
      [],
      undefined,
      this.o.tenant(interaction.tenant),
      now,
      this.o.delivery,
      MOVES_FROM.expire,
    );
    return { ...change, putOffers: open.map((offer) => ({ ...offer, state: "withdrawn" as const })) };
  }

  private async deliver(deliveryId: string, now: number): Promise<WorkChange> {
    const delivery = await this.o.store.getDelivery(deliveryId);
    if (delivery === undefined || delivery.state !== "pending") return {};
    const tenant = this.o.tenant(delivery.tenant);
    const headers: Record<string, string> = { "idempotency-key": delivery.deliveryId };
    if (tenant?.webhookSecret !== undefined)
      headers[SIGNATURE_HEADER] = signBody(tenant.webhookSecret, Math.floor(now / 1000), delivery.body);
    const sent = await this.o.sender.post(delivery.url, delivery.body, headers, tenant?.allowPrivateCallbackHosts === true);
    const attempts = delivery.attempts + 1;
    const base = { ...delivery, attempts, lastStatus: sent.status, lastError: sent.error, nextAttemptAt: undefined };
    if (sent.status !== undefined && sent.status >= 200 && sent.status < 300) {
      this.o.metrics?.delivery("delivered", attempts);
      return { putDeliveries: [{ ...base, state: "delivered" }] };
    }
    const retryAt = now + retryDelayMs(attempts);
    if (sent.refused !== true && isRetryable(sent.status) && retryAt <= delivery.giveUpAt) {
      this.o.metrics?.delivery("retry", attempts);
      this.o.log.warn({ deliveryId, attempt: attempts, status: sent.status, error: sent.error }, "result POST failed; will retry");
      return { putDeliveries: [{ ...base, nextAttemptAt: retryAt }], addJobs: [{ kind: "deliver", ref: deliveryId, dueAt: retryAt }] };
    }
    this.o.metrics?.delivery(sent.refused === true ? "refused" : "failed", attempts);
    this.o.log.warn({ deliveryId, attempt: attempts, status: sent.status, error: sent.error }, "result POST failed for good");
    return { putDeliveries: [{ ...base, state: "failed" }] };
  }

  /** Offers queued requests to free agents (longest available first); returns how many were offered. */
  private async dispatch(): Promise<number> {
    this.queuesChanged = false;
    const store = this.o.store;
    const open = await store.listOffers({ state: "open" });
    const offered = new Set(open.map((offer) => offer.agentId));
    const agents = (await store.listAgents())
      .filter((agent) => agent.state === "available" && agent.busyWith === undefined && !offered.has(agent.agentId))
      .sort((a, b) => a.availableSince - b.availableSince || a.agentId.localeCompare(b.agentId));
    let count = 0;
    for (const agent of agents) {
      const interaction = await store.nextQueued(agent.tenant, agent.queues, agent.agentId);
      if (interaction === undefined) continue;
      const now = this.o.clock.now();
      const offer = newOffer(interaction, agent, now);
      const change: WorkChange = agent.autoAccept
        ? this.acceptChange(interaction, { ...offer, state: "accepted" }, agent, now, MOVES_FROM.offer)
        : { interaction: { guid: interaction.interactionGuid, from: MOVES_FROM.offer, state: "offered" }, putOffers: [offer] };
      if (await store.applyChange(change)) {
        count++;
        this.count(change);
      }
    }
    return count;
  }

  /** The agent takes the request: the agent's leg, then the customer's, bridged. */
  private acceptChange(
    interaction: StoredInteraction,
    offer: OfferRecord,
    agent: AgentRecord,
    now: number,
    from: readonly InteractionState[],
  ): WorkChange {
    const tenant = this.o.tenant(interaction.tenant);
    const agentLeg = placeAgentLeg(interaction, agent, tenant, now);
    const placed = placeCustomerLeg(interaction, tenant, this.plan("customer"), now, agent);
    const busy: AgentRecord = { ...agent, busyWith: interaction.interactionGuid };
    if (placed.endedWith !== undefined) {
      const finish = finishInteraction(
        interaction,
        placed.endedWith,
        [agentLeg, ...placed.calls],
        busy,
        tenant,
        now,
        this.o.delivery,
        from,
      );
      return { ...finish, putOffers: [offer] };
    }
    return {
      interaction: { guid: interaction.interactionGuid, from, state: "calling" },
      putOffers: [offer],
      putAgents: [busy],
      putCalls: [agentLeg, ...placed.calls],
      addJobs: placed.jobs,
    };
  }

  /** POST /sim/offers/{id}/accept */
  acceptOffer(offerId: string): Promise<OfferRecord> {
    return this.serial(async () => {
      const { offer, interaction, agent } = await this.openOffer(offerId);
      const accepted: OfferRecord = { ...offer, state: "accepted" };
      const change = this.acceptChange(interaction, accepted, agent, this.o.clock.now(), MOVES_FROM.accept);
      if (!(await this.o.store.applyChange(change))) throw new StepRefusedError("the offer is no longer open", 409);
      this.count(change);
      await this.runDue();
      return accepted;
    });
  }

  /** POST /sim/offers/{id}/reject: back to the queue, for the next agent. */
  rejectOffer(offerId: string): Promise<OfferRecord> {
    return this.serial(async () => {
      const { offer, interaction } = await this.openOffer(offerId);
      const rejected: OfferRecord = { ...offer, state: "rejected" };
      const change: WorkChange = {
        interaction: { guid: interaction.interactionGuid, from: MOVES_FROM.reject, state: "queued" },
        putOffers: [rejected],
      };
      if (!(await this.o.store.applyChange(change))) throw new StepRefusedError("the offer is no longer open", 409);
      this.queuesChanged = true;
      await this.runDue();
      return rejected;
    });
  }

  private async openOffer(offerId: string): Promise<{ offer: OfferRecord; interaction: StoredInteraction; agent: AgentRecord }> {
    const offer = await this.o.store.getOffer(offerId);
    if (offer === undefined) throw new StepRefusedError("no such offer", 404);
    const interaction = await this.o.store.getInteraction(offer.interactionGuid);
    const agent = await this.o.store.getAgent(offer.agentId);
    if (offer.state !== "open" || interaction === undefined || agent === undefined)
      throw new StepRefusedError(`the offer is ${offer.state}`, 409);
    return { offer, interaction, agent };
  }

  /** POST /sim/calls/{guid}/end: the live conversation ends now, completed, with the agent's codes and notes. */
  endConversation(guid: string, input: EndCallInput): Promise<CallRecord> {
    return this.serial(async () => {
      const interaction = await this.o.store.getInteraction(guid);
      if (interaction === undefined) throw new StepRefusedError("no such interaction", 404);
      const calls = await this.o.store.listCalls({ interactionGuid: guid });
      const live = [...calls].reverse().find((c) => c.leg === "customer" && c.state === "answered");
      if (live === undefined || interaction.state !== "calling") throw new StepRefusedError("the interaction has no answered call", 409);
      const now = this.o.clock.now();
      const change = await this.endCall(live.callId, now, input);
      if (!(await this.o.store.applyChange(change))) throw new StepRefusedError("the call ended meanwhile", 409);
      this.count(change);
      await this.runDue();
      return (change.putCalls ?? []).find((c) => c.callId === live.callId) ?? live;
    });
  }

  /** PUT /sim/agents/{id}: stores the agent and offers it work if it is free; one going offline gives back its offers. */
  putAgent(agent: AgentRecord): Promise<AgentRecord> {
    return this.serial(async () => {
      const changes: WorkChange[] = [{ putAgents: [agent] }];
      if (agent.state === "offline") {
        for (const offer of await this.o.store.listOffers({ state: "open", agentId: agent.agentId })) {
          // The request waits in its queue again, for the next agent, as after a rejection.
          changes.push({
            interaction: { guid: offer.interactionGuid, from: MOVES_FROM.reject, state: "queued" },
            putOffers: [{ ...offer, state: "withdrawn" }],
          });
        }
      }
      await this.o.store.applyChanges(changes);
      this.queuesChanged = true;
      await this.runDue();
      return (await this.o.store.getAgent(agent.agentId)) ?? agent;
    });
  }

  /** POST /sim/deliveries/{id}/retry: a failed (or waiting) delivery is tried again now, for another retry period. */
  retryDelivery(deliveryId: string): Promise<void> {
    return this.serial(async () => {
      const delivery = await this.o.store.getDelivery(deliveryId);
      if (delivery === undefined) throw new StepRefusedError("no such delivery", 404);
      if (delivery.state === "delivered") throw new StepRefusedError("the delivery was delivered", 409);
      const now = this.o.clock.now();
      await this.o.store.applyChange({
        putDeliveries: [{ ...delivery, state: "pending", nextAttemptAt: now, giveUpAt: now + this.o.delivery.retryForMs }],
        dropJobs: [{ kind: "deliver", ref: deliveryId }],
        addJobs: [{ kind: "deliver", ref: deliveryId, dueAt: now }],
      });
      await this.runDue();
    });
  }
}

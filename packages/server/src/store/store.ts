// Where accepted requests and the work that follows them are kept. The HTTP layer and the
// scheduler only see this interface, so a second engine (PostgreSQL) can be added beside
// the SQLite one without touching the rest: every write of a step goes through one
// data-only WorkChange applied in one transaction, and due work is claimed with claimDue
// (in PostgreSQL: UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING).
import type { CallbackRequest } from "@webcallback/core";

/** The states an interaction goes through (type 1: pending, calling, done; type 2: queued, offered, calling, done). */
export type InteractionState = "pending" | "queued" | "offered" | "calling" | "done";

/** How a request ended: `ctl_result` of the result POST. */
export type InteractionResult = "completed" | "no_answer" | "busy" | "failed" | "expired";

export interface NewInteraction {
  readonly interactionGuid: string;
  readonly tenant: string;
  readonly callbackType: 1 | 2;
  /** Digits, as the validator normalized them. */
  readonly phone: string;
  readonly request: CallbackRequest;
  /** Milliseconds since the epoch on the server clock. */
  readonly acceptedAt: number;
  /** Type 1: when the call is placed (acceptedAt + delay); null for type 2. */
  readonly dueAt: number | null;
  /** Type 2: when the request leaves its queue unanswered; null for none. */
  readonly expiresAt: number | null;
  /** The first state (work/intake-plan.ts); `pending` when not given. */
  readonly state?: InteractionState;
}

export interface StoredInteraction extends NewInteraction {
  readonly state: InteractionState;
  readonly result?: InteractionResult | undefined;
  /** Type 2: the queue, also while the interaction waits in it. */
  readonly queueId?: string | undefined;
}

export interface ListOptions {
  readonly tenant?: string;
  /** At most this many, oldest first (default 1000). */
  readonly limit?: number;
}

/** A timed step of the work: place a call, answer it, end it, expire a queued request, deliver a result. */
export type JobKind = "dial" | "answer" | "end" | "expire" | "deliver";

export interface NewJob {
  readonly kind: JobKind;
  /** The interaction guid (dial, expire), call id (answer, end) or delivery id (deliver). */
  readonly ref: string;
  /** Milliseconds since the epoch, server clock. */
  readonly dueAt: number;
}

export interface Job extends NewJob {
  readonly id: number;
  /** Who holds the job now; set by claimDue. */
  readonly claim: string;
}

export type CallLeg = "customer" | "agent";
export type CallState = "ringing" | "answered" | "ended";
export type CallOutcome = "completed" | "no_answer" | "busy" | "failed";

export interface CallRecord {
  readonly callId: string;
  readonly interactionGuid: string;
  readonly tenant: string;
  readonly leg: CallLeg;
  readonly numberDialled: string;
  /** `Anonymous` or digits. */
  readonly callerId: string;
  readonly channel?: string | undefined;
  /** Recorded when the customer answers a type-1 call. */
  readonly ivrScript?: string | undefined;
  readonly queueId?: string | undefined;
  readonly agentId?: string | undefined;
  readonly state: CallState;
  readonly outcome?: CallOutcome | undefined;
  readonly placedAt: number;
  readonly answeredAt?: number | undefined;
  readonly endedAt?: number | undefined;
  /** Talk time once answered, decided by the dialer when the call was placed. */
  readonly talkMs?: number | undefined;
  readonly transactionCodes?: readonly { list: string; code: string; description?: string | undefined }[] | undefined;
  readonly notes?: string | undefined;
}

export type DeliveryState = "pending" | "delivered" | "failed";

export interface DeliveryRecord {
  readonly deliveryId: string;
  readonly interactionGuid: string;
  readonly tenant: string;
  readonly url: string;
  /** The form body, identical on every attempt. */
  readonly body: string;
  readonly state: DeliveryState;
  readonly attempts: number;
  readonly lastStatus?: number | undefined;
  readonly lastError?: string | undefined;
  readonly nextAttemptAt?: number | undefined;
  readonly createdAt: number;
  /** No retry is scheduled after this time. */
  readonly giveUpAt: number;
}

export type OfferState = "open" | "accepted" | "rejected" | "withdrawn";

export interface OfferRecord {
  readonly offerId: string;
  readonly interactionGuid: string;
  readonly agentId: string;
  readonly queueId: string;
  readonly extTransactionData: readonly { name: string; value: string }[];
  readonly offeredAt: number;
  readonly state: OfferState;
}

export interface AgentRecord {
  readonly agentId: string;
  readonly tenant: string;
  readonly state: "available" | "offline";
  readonly queues: readonly string[];
  readonly autoAccept: boolean;
  readonly defaultCallerId?: string | undefined;
  readonly phone?: string | undefined;
  /** The interaction the agent is on, if any. */
  readonly busyWith?: string | undefined;
  /** When the agent last became available: the longest-waiting agent is offered first. */
  readonly availableSince: number;
}

/** Everything one step writes, applied in one transaction, or not at all. */
export interface WorkChange {
  /** The claimed job this step finishes; the change is refused when the claim was lost. */
  readonly finishJob?: { readonly id: number; readonly claim: string };
  /** Moves an interaction on; refused when `from` is given and the state is another. */
  readonly interaction?: {
    readonly guid: string;
    readonly from?: readonly InteractionState[];
    readonly state: InteractionState;
    readonly result?: InteractionResult;
  };
  readonly putCalls?: readonly CallRecord[];
  readonly putOffers?: readonly OfferRecord[];
  readonly putDeliveries?: readonly DeliveryRecord[];
  readonly putAgents?: readonly AgentRecord[];
  readonly addJobs?: readonly NewJob[];
  /** Cancels the pending jobs of these kinds and refs (a call ended early, a request taken off its queue); a first dial ends only with its own step. */
  readonly dropJobs?: readonly { readonly kind: Exclude<JobKind, "dial">; readonly ref: string }[];
}

export interface StateCount {
  readonly state: InteractionState;
  readonly count: number;
}

export interface Store {
  /** `sqlite`, later `postgres`: for logs and /metrics. */
  readonly engine: string;
  /** Resolves only once the interaction (and its first job) is committed durably; rejects when it could not be. */
  addInteraction(interaction: NewInteraction): Promise<void>;
  countInteractions(): Promise<number>;
  listInteractions(options?: ListOptions): Promise<StoredInteraction[]>;
  /** A small write and a read; rejects while the store cannot serve intake. */
  probe(): Promise<void>;
  /** Waits for commits under way, then releases the store. Later writes reject. */
  close(): Promise<void>;

  /** Atomically takes up to `limit` unclaimed jobs due at or before `now`, earliest first, for `claimer`. */
  claimDue(now: number, limit: number, claimer: string): Promise<Job[]>;
  /** When the earliest unclaimed job falls due, or undefined when none is waiting. */
  nextDueAt(): Promise<number | undefined>;
  /** Hands back claims of workers that are gone (all of them, for an embedded store at start-up). */
  releaseClaims(claimer?: string): Promise<number>;
  /** Applies a step; false (and nothing written) when its claim or expected state no longer holds. */
  applyChange(change: WorkChange): Promise<boolean>;
  /** Applies several independent steps in one commit, each all or nothing, and says which were applied. */
  applyChanges(changes: readonly WorkChange[]): Promise<boolean[]>;

  getInteraction(guid: string): Promise<StoredInteraction | undefined>;
  countByState(): Promise<StateCount[]>;
  /** The oldest queued interaction of `tenant` in one of `queues` that `agentId` has not rejected. */
  nextQueued(tenant: string, queues: readonly string[], agentId: string): Promise<StoredInteraction | undefined>;
  listCalls(filter?: { interactionGuid?: string; limit?: number }): Promise<CallRecord[]>;
  getCall(callId: string): Promise<CallRecord | undefined>;
  listOffers(filter?: { state?: OfferState; interactionGuid?: string; agentId?: string; limit?: number }): Promise<OfferRecord[]>;
  getOffer(offerId: string): Promise<OfferRecord | undefined>;
  listDeliveries(filter?: { interactionGuid?: string; limit?: number }): Promise<DeliveryRecord[]>;
  getDelivery(deliveryId: string): Promise<DeliveryRecord | undefined>;
  listAgents(): Promise<AgentRecord[]>;
  getAgent(agentId: string): Promise<AgentRecord | undefined>;
  /** Adds the agents that are not stored yet (configuration at start-up); stored ones keep their state. */
  seedAgents(agents: readonly AgentRecord[]): Promise<void>;
  /** The simulator's clock offset in ms (0 when never set). */
  clockOffset(): Promise<number>;
  setClockOffset(offsetMs: number): Promise<void>;
}

// The simulator's control API (openapi/simulator.yaml): the clock, calls, interactions,
// agents, offers and deliveries, behind the admin token. Present only with the simulated dialer.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ConfigDirectory } from "../config/config-directory.js";
import type { components } from "../generated/simulator.js";
import { readBody } from "../http/request-params.js";
import type { Logger } from "../ops/logger.js";
import type { AgentRecord, CallRecord, DeliveryRecord, OfferRecord, Store, StoredInteraction } from "../store/store.js";
import type { OffsetClock } from "../work/offset-clock.js";
import { type Scheduler, StepRefusedError } from "../work/scheduler.js";
import { LIST_LIMIT, listed } from "./list-view.js";
import { describeErrors, schemaValidator } from "./sim-schemas.js";

type Schemas = components["schemas"];

/** @default 65536 — the largest JSON body a /sim route reads. */
export const SIM_BODY_LIMIT_BYTES = 65_536;
const JSON_TYPE = "application/json; charset=utf-8";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface SimApiOptions {
  readonly store: Store;
  readonly scheduler: Scheduler;
  readonly clock: OffsetClock;
  /** Holds the admin token; without one every route answers 401. */
  readonly directory: ConfigDirectory | undefined;
  readonly log: Logger;
}

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString());

/** A record without its undefined fields, so JSON.stringify leaves them out. */
function defined<T extends object>(value: { [K in keyof T]-?: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function callView(call: CallRecord): Schemas["Call"] {
  return defined<Schemas["Call"]>({
    callId: call.callId,
    interactionGuid: call.interactionGuid,
    tenant: call.tenant,
    leg: call.leg,
    numberDialled: call.numberDialled,
    callerId: call.callerId,
    channel: call.channel,
    ivrScript: call.ivrScript,
    queueId: call.queueId,
    agentId: call.agentId,
    state: call.state,
    outcome: call.outcome,
    placedAt: iso(call.placedAt) as string,
    answeredAt: iso(call.answeredAt),
    endedAt: iso(call.endedAt),
  });
}

function interactionView(i: StoredInteraction): Schemas["Interaction"] {
  return defined<Schemas["Interaction"]>({
    interactionGuid: i.interactionGuid,
    tenant: i.tenant,
    callbackType: i.callbackType,
    state: i.state,
    result: i.result,
    dueAt: iso(i.dueAt ?? undefined),
    expiresAt: iso(i.expiresAt ?? undefined),
  });
}

function agentView(a: AgentRecord): Schemas["Agent"] {
  return defined<Schemas["Agent"]>({
    agentId: a.agentId,
    tenant: a.tenant,
    state: a.busyWith === undefined ? a.state : "busy",
    queues: [...a.queues],
    autoAccept: a.autoAccept,
    defaultCallerId: a.defaultCallerId,
  });
}

function offerView(o: OfferRecord): Schemas["Offer"] {
  return {
    offerId: o.offerId,
    interactionGuid: o.interactionGuid,
    agentId: o.agentId,
    queueId: o.queueId,
    extTransactionData: o.extTransactionData.map((p) => ({ name: p.name, value: p.value })),
    offeredAt: iso(o.offeredAt) as string,
    state: o.state,
  };
}

function deliveryView(d: DeliveryRecord): Schemas["Delivery"] {
  return defined<Schemas["Delivery"]>({
    deliveryId: d.deliveryId,
    interactionGuid: d.interactionGuid,
    url: d.url,
    state: d.state,
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    nextAttemptAt: iso(d.nextAttemptAt),
  });
}

export class SimApi {
  constructor(private readonly o: SimApiOptions) {
    // Compiled now rather than on the first request, which a test may be timing.
    for (const name of ["AdvanceRequest", "EndCallRequest", "AgentChange", "AgentId"] as const) schemaValidator(name);
  }

  readonly handle = (req: IncomingMessage, res: ServerResponse, url: string, id: string): void => {
    this.route(req, url)
      .then(
        (body) => this.answer(res, 200, body, id),
        (error: unknown) => {
          if (error instanceof ApiError) {
            // The rest of a body over the limit is not read: the connection ends with this answer.
            if (error.status === 413) res.setHeader("connection", "close");
            return this.answer(res, error.status, { error: error.message }, id);
          }
          if (error instanceof StepRefusedError) return this.answer(res, error.status, { error: error.message }, id);
          this.o.log.error({ reqId: id, err: error }, "simulator route failed");
          return this.answer(res, 500, { error: "internal error" }, id);
        },
      )
      .catch((error: unknown) => this.o.log.error({ reqId: id, err: error }, "could not answer a simulator route"));
  };

  private answer(res: ServerResponse, status: number, body: unknown, id: string): void {
    if (res.headersSent) return;
    const text = JSON.stringify(body);
    res.writeHead(status, {
      "content-type": JSON_TYPE,
      "cache-control": "no-store",
      "content-length": String(Buffer.byteLength(text)),
      "x-request-id": id,
    });
    res.end(text);
    this.o.log.debug({ reqId: id, status }, "simulator request");
  }

  private authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? "";
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return match !== null && this.o.directory?.adminTokenMatches(match[1] as string) === true;
  }

  private async json(
    req: IncomingMessage,
    schema: "AdvanceRequest" | "EndCallRequest" | "AgentChange",
    optional = false,
  ): Promise<unknown> {
    const body = await readBody(req, SIM_BODY_LIMIT_BYTES, true);
    if (body.kind === "aborted") throw new ApiError(400, "the body was cut off");
    if (body.kind === "too-large") throw new ApiError(413, `the body is over ${SIM_BODY_LIMIT_BYTES} bytes`);
    let value: unknown;
    if (body.text.trim() === "" && optional) value = {};
    else {
      try {
        value = JSON.parse(body.text);
      } catch {
        throw new ApiError(400, "the body is not JSON");
      }
    }
    const validate = schemaValidator(schema);
    if (!validate(value)) throw new ApiError(400, describeErrors(validate.errors, "body"));
    return value;
  }

  private async route(req: IncomingMessage, url: string): Promise<unknown> {
    if (!this.authorized(req)) throw new ApiError(401, "the simulator needs Authorization: Bearer <admin token>");
    const q = url.indexOf("?");
    const path = q === -1 ? url : url.slice(0, q);
    const query = new URLSearchParams(q === -1 ? "" : url.slice(q + 1));
    const parts = path.split("/").slice(2).map(decodeURIComponent);
    const method = req.method ?? "GET";
    const key = `${method} ${parts.map((p, i) => (i % 2 === 1 ? ":" : p)).join("/")}`;
    const param = parts[1] ?? "";
    const store = this.o.store;
    // A read sees every step due by now: a call placed at acceptance is there as soon as the 202 is.
    if (method === "GET") await this.o.scheduler.settle();
    const guidFilter = () => {
      const guid = query.get("interactionGuid") ?? undefined;
      if (guid !== undefined && !UUID.test(guid)) throw new ApiError(400, "interactionGuid must be a UUID");
      return guid === undefined ? {} : { interactionGuid: guid };
    };
    switch (key) {
      case "GET clock":
        return this.clockView();
      case "POST clock/:": {
        if (param !== "advance") break;
        const { seconds } = (await this.json(req, "AdvanceRequest")) as Schemas["AdvanceRequest"];
        await this.o.scheduler.advance(seconds);
        return this.clockView();
      }
      case "GET calls":
        return listed("calls", await store.listCalls({ ...guidFilter(), limit: LIST_LIMIT + 1 }), callView);
      case "POST calls/:/end": {
        const input = (await this.json(req, "EndCallRequest", true)) as Schemas["EndCallRequest"];
        return callView(await this.o.scheduler.endConversation(param, input));
      }
      case "GET interactions/:": {
        const interaction = await store.getInteraction(param);
        if (interaction === undefined) throw new ApiError(404, "no such interaction");
        return interactionView(interaction);
      }
      case "GET agents":
        return { agents: (await store.listAgents()).map(agentView) };
      case "PUT agents/:":
        return agentView(await this.putAgent(param, (await this.json(req, "AgentChange", true)) as Schemas["AgentChange"]));
      case "GET offers":
        return { offers: (await store.listOffers({ state: "open" })).map(offerView) };
      case "POST offers/:/accept":
        return offerView(await this.o.scheduler.acceptOffer(param));
      case "POST offers/:/reject":
        return offerView(await this.o.scheduler.rejectOffer(param));
      case "GET deliveries":
        return listed("deliveries", await store.listDeliveries({ ...guidFilter(), limit: LIST_LIMIT + 1 }), deliveryView);
      case "POST deliveries/:/retry": {
        await this.o.scheduler.retryDelivery(param);
        const delivery = await store.getDelivery(param);
        if (delivery === undefined) throw new ApiError(404, "no such delivery");
        return deliveryView(delivery);
      }
    }
    throw new ApiError(404, `no simulator route ${method} ${path}`);
  }

  private clockView(): Schemas["Clock"] {
    return { now: new Date(this.o.clock.now()).toISOString(), offsetSeconds: this.o.clock.offsetMs / 1000 };
  }

  private async putAgent(agentId: string, change: Schemas["AgentChange"]): Promise<AgentRecord> {
    const validate = schemaValidator("AgentId");
    if (!validate(agentId)) throw new ApiError(400, describeErrors(validate.errors, "agentId"));
    const now = this.o.clock.now();
    const existing = await this.o.store.getAgent(agentId);
    const tenants = this.o.directory?.allTenants() ?? [];
    let tenant = existing?.tenant ?? change.tenant;
    if (tenant === undefined) {
      const queues = change.queues ?? [];
      tenant = (tenants.find((t) => queues.some((queue) => t.queue(queue) !== undefined)) ?? tenants[0])?.name;
    }
    const known = tenant === undefined ? undefined : this.o.directory?.tenant(tenant);
    if (tenant === undefined || known === undefined) throw new ApiError(400, "the agent's tenant is unknown");
    // An agent serves only its own tenant's queues: an unknown one is a typo that would leave it idle.
    const unknownQueue = change.queues?.find((queue) => known.queue(queue) === undefined);
    if (unknownQueue !== undefined) throw new ApiError(400, `queue ${JSON.stringify(unknownQueue)} is not a queue of tenant ${tenant}`);
    const state = change.state ?? existing?.state ?? "available";
    const agent = defined<AgentRecord>({
      agentId,
      tenant,
      state,
      queues: change.queues ?? existing?.queues ?? [],
      autoAccept: change.autoAccept ?? existing?.autoAccept ?? false,
      defaultCallerId: change.defaultCallerId ?? existing?.defaultCallerId,
      phone: existing?.phone,
      busyWith: existing?.busyWith,
      availableSince: state === "available" && existing?.state !== "available" ? now : (existing?.availableSince ?? now),
    });
    return this.o.scheduler.putAgent(agent);
  }
}

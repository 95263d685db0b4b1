// Builds the work that follows intake from the server's options: the clock, the dialer, the
// scheduler, the result POST sender and, with the simulated dialer, the /sim control API.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Directory } from "@webcallback/core";
import type { Clock } from "../clock.js";
import { ConfigDirectory, type ConfigTenant } from "../config/config-directory.js";
import type { WebhookSettings } from "../config/schema.js";
import type { Dialer } from "../dialer/dialer.js";
import { SimulatedDialer } from "../dialer/simulated-dialer.js";
import type { Logger } from "../ops/logger.js";
import type { Metrics } from "../ops/metrics.js";
import { SimApi } from "../sim/sim-api.js";
import type { AgentRecord, NewInteraction, Store } from "../store/store.js";
import { DEFAULT_RETRY_FOR_SECONDS, DEFAULT_TIMEOUT_SECONDS } from "../webhooks/retry-policy.js";
import { WebhookSender } from "../webhooks/sender.js";
import { OffsetClock } from "./offset-clock.js";
import { Scheduler } from "./scheduler.js";
import { WorkMetrics } from "./work-metrics.js";

export interface WorkOptions {
  /** The telephony; the simulated dialer by default. `false`: intake only, nothing is scheduled. */
  readonly dialer?: Dialer | false;
  /** Overrides the configuration file's `webhooks` settings. */
  readonly webhooks?: WebhookSettings;
}

interface StartWorkOptions extends WorkOptions {
  readonly directory: Directory;
  readonly store: Store;
  readonly log: Logger;
  readonly metrics: Metrics;
  readonly clock: Clock | undefined;
}

export interface Work {
  /** The server clock when the work brings its own (the simulator's), else undefined. */
  readonly clock: Clock | undefined;
  /** Intake calls it once a request is committed: the scheduler hears of it without polling. */
  readonly accepted: ((interaction: NewInteraction) => void) | undefined;
  readonly simRoutes: ((req: IncomingMessage, res: ServerResponse, url: string, id: string) => void) | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly scheduler: Scheduler | undefined;
}

function agentsOf(directory: ConfigDirectory, now: number): AgentRecord[] {
  return directory.allTenants().flatMap((tenant) =>
    tenant.agents.map((agent) => ({
      agentId: agent.id,
      tenant: tenant.name,
      state: agent.state ?? "available",
      queues: [...agent.queues],
      autoAccept: agent.autoAccept ?? false,
      defaultCallerId: agent.callerId,
      phone: agent.phone,
      availableSince: now,
    })),
  );
}

export function startWork(o: StartWorkOptions): Work {
  if (o.dialer === false) {
    return {
      clock: undefined,
      accepted: undefined,
      simRoutes: undefined,
      scheduler: undefined,
      start: async () => {},
      stop: async () => {},
    };
  }
  const dialer = o.dialer ?? new SimulatedDialer();
  const simulated = dialer.kind === "simulated";
  const config = o.directory instanceof ConfigDirectory ? o.directory : undefined;
  const settings = { ...config?.webhooks, ...o.webhooks };
  // The simulator's clock: the given one (or real time) plus the stored offset.
  const clock = simulated ? new OffsetClock(0, o.clock === undefined ? Date.now : () => (o.clock as Clock).now()) : undefined;
  const sender = new WebhookSender({
    timeoutMs: (settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    ...(settings.hostAddresses === undefined ? {} : { hostAddresses: settings.hostAddresses }),
  });
  const scheduler = new Scheduler({
    store: o.store,
    clock: clock ?? o.clock ?? { now: () => Date.now() },
    dialer,
    tenant: (name) => config?.tenant(name) as ConfigTenant | undefined,
    sender,
    log: o.log,
    metrics: new WorkMetrics(o.metrics.registry, o.store),
    delivery: { retryForMs: (settings.retryForSeconds ?? DEFAULT_RETRY_FOR_SECONDS) * 1000 },
  });
  const api =
    simulated && clock !== undefined ? new SimApi({ store: o.store, scheduler, clock, directory: config, log: o.log }) : undefined;
  return {
    clock,
    accepted: (interaction) => scheduler.accepted(interaction),
    simRoutes: api?.handle,
    scheduler,
    async start() {
      if (clock !== undefined) clock.offsetMs = await o.store.clockOffset();
      if (config !== undefined) await o.store.seedAgents(agentsOf(config, (clock ?? o.clock ?? { now: Date.now }).now()));
      await scheduler.start();
    },
    async stop() {
      await scheduler.stop();
      sender.close();
    },
  };
}

// The tenant directory the validator asks, built once from a checked configuration.
// Tokens are kept as SHA-256 digests and compared with crypto.timingSafeEqual.
import { timingSafeEqual } from "node:crypto";
import type { Directory, DirectoryChannel, DirectoryQueue, DirectoryTenant } from "@webcallback/core";
import {
  type AgentConfig,
  type ConfigFile,
  DEFAULT_FAILED_AUTH_LIMIT,
  type DialPlanRule,
  type RateWindow,
  type TenantConfig,
  type TenantRateLimit,
  type WebhookSettings,
} from "./schema.js";
import { parseTokenHash, tokenDigest } from "./token-hash.js";

export interface DirectoryAgent extends AgentConfig {
  readonly id: string;
}

/** Whether `token` hashes to one of `digests`; every digest is compared, so the time does not tell which. */
function anyDigestMatches(digests: readonly Buffer[], token: string): boolean {
  const digest = tokenDigest(token);
  let match = false;
  for (const candidate of digests) match = timingSafeEqual(digest, candidate) || match;
  return match;
}

export class ConfigTenant implements DirectoryTenant {
  readonly enabled: boolean;
  readonly webCallbackEnabled: boolean;
  readonly timeZone: string;
  /** Empty when the file names none. */
  readonly defaultCallerId: string;
  readonly allowedBackOrigins: readonly string[];
  readonly allowedCallbackHosts: readonly string[];
  readonly allowPrivateCallbackHosts: boolean;
  readonly redirectWithGuid: boolean;
  readonly webhookSecret: string | undefined;
  readonly rateLimit: TenantRateLimit | undefined;
  readonly defaultDialPlan: string | undefined;
  readonly agents: readonly DirectoryAgent[];
  private readonly digests: readonly Buffer[];
  private readonly channels: ReadonlyMap<string, DirectoryChannel>;
  private readonly queues: ReadonlyMap<string, DirectoryQueue>;
  private readonly dialPlans: ReadonlyMap<string, readonly DialPlanRule[]>;

  constructor(
    readonly name: string,
    config: TenantConfig,
  ) {
    this.enabled = config.enabled ?? true;
    this.webCallbackEnabled = config.webCallbackEnabled ?? true;
    this.timeZone = config.timeZone ?? "UTC";
    this.defaultCallerId = config.defaultCallerId ?? "";
    this.allowedBackOrigins = config.allowedBackOrigins ?? [];
    this.allowedCallbackHosts = config.allowedCallbackHosts ?? [];
    this.allowPrivateCallbackHosts = config.allowPrivateCallbackHosts ?? false;
    this.redirectWithGuid = config.redirectWithGuid ?? false;
    this.webhookSecret = config.webhookSecret;
    this.rateLimit = config.rateLimit;
    this.defaultDialPlan = config.defaultDialPlan;
    this.digests = config.tokens.map(parseTokenHash);
    this.channels = new Map(
      Object.entries(config.channels ?? {}).map(([number, channel]): [string, DirectoryChannel] => [
        number,
        channel.ivrScript === undefined ? { number } : { number, ivrScript: channel.ivrScript },
      ]),
    );
    this.queues = new Map(
      Object.entries(config.queues ?? {}).map(([id, queue]): [string, DirectoryQueue] => [
        id,
        { id, enabled: queue.enabled ?? true, direction: queue.direction },
      ]),
    );
    this.dialPlans = new Map(Object.entries(config.dialPlans ?? {}).map(([id, plan]) => [id, plan.rules]));
    this.agents = Object.entries(config.agents ?? {}).map(([id, agent]) => ({ id, ...agent }));
  }

  tokenMatches(token: string): boolean {
    return anyDigestMatches(this.digests, token);
  }

  channel(number: string): DirectoryChannel | undefined {
    return this.channels.get(number);
  }

  queue(id: string): DirectoryQueue | undefined {
    return this.queues.get(id);
  }

  hasDialPlan(id: string): boolean {
    return this.dialPlans.has(id);
  }

  /** The rules of a dial plan, or of the default one when `id` is undefined (undefined: dial as given). */
  dialPlanRules(id: string | undefined): readonly DialPlanRule[] | undefined {
    const chosen = id ?? this.defaultDialPlan;
    // Stryker disable next-line ConditionalExpression: no dial plan has the id undefined
    return chosen === undefined ? undefined : this.dialPlans.get(chosen);
  }
}

export class ConfigDirectory implements Directory {
  readonly webhooks: WebhookSettings;
  /** Failed token checks allowed per client address, or undefined for no limit. */
  readonly failedAuthLimit: RateWindow | undefined;
  /** Every tenant's allowed back origins together: the origins CORS answers. */
  readonly allBackOrigins: readonly string[];
  private readonly tenants: ReadonlyMap<string, ConfigTenant>;
  private readonly adminDigests: readonly Buffer[];

  constructor(config: ConfigFile) {
    this.tenants = new Map(Object.entries(config.tenants).map(([name, tenant]) => [name, new ConfigTenant(name, tenant)]));
    this.adminDigests = config.adminToken === undefined ? [] : [parseTokenHash(config.adminToken)];
    this.webhooks = config.webhooks ?? {};
    this.failedAuthLimit = config.failedAuthLimit === false ? undefined : (config.failedAuthLimit ?? DEFAULT_FAILED_AUTH_LIMIT);
    this.allBackOrigins = [...new Set([...this.tenants.values()].flatMap((t) => t.allowedBackOrigins))];
  }

  tenant(name: string): ConfigTenant | undefined {
    return this.tenants.get(name);
  }

  allTenants(): readonly ConfigTenant[] {
    return [...this.tenants.values()];
  }

  /** For the simulator's control API; false when the file sets no admin token. */
  adminTokenMatches(token: string): boolean {
    // Stryker disable next-line ConditionalExpression,EqualityOperator: fast path: no digest matches when there is none
    return this.adminDigests.length > 0 && anyDigestMatches(this.adminDigests, token);
  }
}

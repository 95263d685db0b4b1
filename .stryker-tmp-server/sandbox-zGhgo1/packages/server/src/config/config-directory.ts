// @ts-nocheck
// The tenant directory the validator asks, built once from a checked configuration.
// Tokens are kept as SHA-256 digests and compared with crypto.timingSafeEqual.
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { timingSafeEqual } from "node:crypto";
import type { Directory, DirectoryChannel, DirectoryQueue, DirectoryTenant } from "@webcallback/core";
import type { AgentConfig, ConfigFile, DialPlanRule, TenantConfig, TenantRateLimit, WebhookSettings } from "./schema.js";
import { parseTokenHash, tokenDigest } from "./token-hash.js";
export interface DirectoryAgent extends AgentConfig {
  readonly id: string;
}

/** Whether `token` hashes to one of `digests`; every digest is compared, so the time does not tell which. */
function anyDigestMatches(digests: readonly Buffer[], token: string): boolean {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    const digest = tokenDigest(token);
    let match = stryMutAct_9fa48("1") ? true : (stryCov_9fa48("1"), false);
    for (const candidate of digests) match = stryMutAct_9fa48("4") ? timingSafeEqual(digest, candidate) && match : stryMutAct_9fa48("3") ? false : stryMutAct_9fa48("2") ? true : (stryCov_9fa48("2", "3", "4"), timingSafeEqual(digest, candidate) || match);
    return match;
  }
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
  readonly webhookSecret: string | undefined;
  readonly rateLimit: TenantRateLimit | undefined;
  readonly defaultDialPlan: string | undefined;
  readonly agents: readonly DirectoryAgent[];
  private readonly digests: readonly Buffer[];
  private readonly channels: ReadonlyMap<string, DirectoryChannel>;
  private readonly queues: ReadonlyMap<string, DirectoryQueue>;
  private readonly dialPlans: ReadonlyMap<string, readonly DialPlanRule[]>;
  constructor(readonly name: string, config: TenantConfig) {
    if (stryMutAct_9fa48("5")) {
      {}
    } else {
      stryCov_9fa48("5");
      this.enabled = stryMutAct_9fa48("6") ? config.enabled && true : (stryCov_9fa48("6"), config.enabled ?? (stryMutAct_9fa48("7") ? false : (stryCov_9fa48("7"), true)));
      this.webCallbackEnabled = stryMutAct_9fa48("8") ? config.webCallbackEnabled && true : (stryCov_9fa48("8"), config.webCallbackEnabled ?? (stryMutAct_9fa48("9") ? false : (stryCov_9fa48("9"), true)));
      this.timeZone = stryMutAct_9fa48("10") ? config.timeZone && "UTC" : (stryCov_9fa48("10"), config.timeZone ?? (stryMutAct_9fa48("11") ? "" : (stryCov_9fa48("11"), "UTC")));
      this.defaultCallerId = stryMutAct_9fa48("12") ? config.defaultCallerId && "" : (stryCov_9fa48("12"), config.defaultCallerId ?? (stryMutAct_9fa48("13") ? "Stryker was here!" : (stryCov_9fa48("13"), "")));
      this.allowedBackOrigins = stryMutAct_9fa48("14") ? config.allowedBackOrigins && [] : (stryCov_9fa48("14"), config.allowedBackOrigins ?? (stryMutAct_9fa48("15") ? ["Stryker was here"] : (stryCov_9fa48("15"), [])));
      this.allowedCallbackHosts = stryMutAct_9fa48("16") ? config.allowedCallbackHosts && [] : (stryCov_9fa48("16"), config.allowedCallbackHosts ?? (stryMutAct_9fa48("17") ? ["Stryker was here"] : (stryCov_9fa48("17"), [])));
      this.allowPrivateCallbackHosts = stryMutAct_9fa48("18") ? config.allowPrivateCallbackHosts && false : (stryCov_9fa48("18"), config.allowPrivateCallbackHosts ?? (stryMutAct_9fa48("19") ? true : (stryCov_9fa48("19"), false)));
      this.webhookSecret = config.webhookSecret;
      this.rateLimit = config.rateLimit;
      this.defaultDialPlan = config.defaultDialPlan;
      this.digests = config.tokens.map(parseTokenHash);
      this.channels = new Map(Object.entries(stryMutAct_9fa48("20") ? config.channels && {} : (stryCov_9fa48("20"), config.channels ?? {})).map(stryMutAct_9fa48("21") ? () => undefined : (stryCov_9fa48("21"), ([number, channel]): [string, DirectoryChannel] => stryMutAct_9fa48("22") ? [] : (stryCov_9fa48("22"), [number, (stryMutAct_9fa48("25") ? channel.ivrScript !== undefined : stryMutAct_9fa48("24") ? false : stryMutAct_9fa48("23") ? true : (stryCov_9fa48("23", "24", "25"), channel.ivrScript === undefined)) ? stryMutAct_9fa48("26") ? {} : (stryCov_9fa48("26"), {
        number
      }) : stryMutAct_9fa48("27") ? {} : (stryCov_9fa48("27"), {
        number,
        ivrScript: channel.ivrScript
      })]))));
      this.queues = new Map(Object.entries(stryMutAct_9fa48("28") ? config.queues && {} : (stryCov_9fa48("28"), config.queues ?? {})).map(stryMutAct_9fa48("29") ? () => undefined : (stryCov_9fa48("29"), ([id, queue]): [string, DirectoryQueue] => stryMutAct_9fa48("30") ? [] : (stryCov_9fa48("30"), [id, stryMutAct_9fa48("31") ? {} : (stryCov_9fa48("31"), {
        id,
        enabled: stryMutAct_9fa48("32") ? queue.enabled && true : (stryCov_9fa48("32"), queue.enabled ?? (stryMutAct_9fa48("33") ? false : (stryCov_9fa48("33"), true))),
        direction: queue.direction
      })]))));
      this.dialPlans = new Map(Object.entries(stryMutAct_9fa48("34") ? config.dialPlans && {} : (stryCov_9fa48("34"), config.dialPlans ?? {})).map(stryMutAct_9fa48("35") ? () => undefined : (stryCov_9fa48("35"), ([id, plan]) => stryMutAct_9fa48("36") ? [] : (stryCov_9fa48("36"), [id, plan.rules]))));
      this.agents = Object.entries(stryMutAct_9fa48("37") ? config.agents && {} : (stryCov_9fa48("37"), config.agents ?? {})).map(stryMutAct_9fa48("38") ? () => undefined : (stryCov_9fa48("38"), ([id, agent]) => stryMutAct_9fa48("39") ? {} : (stryCov_9fa48("39"), {
        id,
        ...agent
      })));
    }
  }
  tokenMatches(token: string): boolean {
    if (stryMutAct_9fa48("40")) {
      {}
    } else {
      stryCov_9fa48("40");
      return anyDigestMatches(this.digests, token);
    }
  }
  channel(number: string): DirectoryChannel | undefined {
    if (stryMutAct_9fa48("41")) {
      {}
    } else {
      stryCov_9fa48("41");
      return this.channels.get(number);
    }
  }
  queue(id: string): DirectoryQueue | undefined {
    if (stryMutAct_9fa48("42")) {
      {}
    } else {
      stryCov_9fa48("42");
      return this.queues.get(id);
    }
  }
  hasDialPlan(id: string): boolean {
    if (stryMutAct_9fa48("43")) {
      {}
    } else {
      stryCov_9fa48("43");
      return this.dialPlans.has(id);
    }
  }

  /** The rules of a dial plan, or of the default one when `id` is undefined (undefined: dial as given). */
  dialPlanRules(id: string | undefined): readonly DialPlanRule[] | undefined {
    if (stryMutAct_9fa48("44")) {
      {}
    } else {
      stryCov_9fa48("44");
      const chosen = stryMutAct_9fa48("45") ? id && this.defaultDialPlan : (stryCov_9fa48("45"), id ?? this.defaultDialPlan);
      return (stryMutAct_9fa48("48") ? chosen !== undefined : stryMutAct_9fa48("47") ? false : stryMutAct_9fa48("46") ? true : (stryCov_9fa48("46", "47", "48"), chosen === undefined)) ? undefined : this.dialPlans.get(chosen);
    }
  }
}
export class ConfigDirectory implements Directory {
  readonly webhooks: WebhookSettings;
  /** Every tenant's allowed back origins together: the origins CORS answers. */
  readonly allBackOrigins: readonly string[];
  private readonly tenants: ReadonlyMap<string, ConfigTenant>;
  private readonly adminDigests: readonly Buffer[];
  constructor(config: ConfigFile) {
    if (stryMutAct_9fa48("49")) {
      {}
    } else {
      stryCov_9fa48("49");
      this.tenants = new Map(Object.entries(config.tenants).map(stryMutAct_9fa48("50") ? () => undefined : (stryCov_9fa48("50"), ([name, tenant]) => stryMutAct_9fa48("51") ? [] : (stryCov_9fa48("51"), [name, new ConfigTenant(name, tenant)]))));
      this.adminDigests = (stryMutAct_9fa48("54") ? config.adminToken !== undefined : stryMutAct_9fa48("53") ? false : stryMutAct_9fa48("52") ? true : (stryCov_9fa48("52", "53", "54"), config.adminToken === undefined)) ? stryMutAct_9fa48("55") ? ["Stryker was here"] : (stryCov_9fa48("55"), []) : stryMutAct_9fa48("56") ? [] : (stryCov_9fa48("56"), [parseTokenHash(config.adminToken)]);
      this.webhooks = stryMutAct_9fa48("57") ? config.webhooks && {} : (stryCov_9fa48("57"), config.webhooks ?? {});
      this.allBackOrigins = stryMutAct_9fa48("58") ? [] : (stryCov_9fa48("58"), [...new Set((stryMutAct_9fa48("59") ? [] : (stryCov_9fa48("59"), [...this.tenants.values()])).flatMap(stryMutAct_9fa48("60") ? () => undefined : (stryCov_9fa48("60"), t => t.allowedBackOrigins)))]);
    }
  }
  tenant(name: string): ConfigTenant | undefined {
    if (stryMutAct_9fa48("61")) {
      {}
    } else {
      stryCov_9fa48("61");
      return this.tenants.get(name);
    }
  }
  allTenants(): readonly ConfigTenant[] {
    if (stryMutAct_9fa48("62")) {
      {}
    } else {
      stryCov_9fa48("62");
      return stryMutAct_9fa48("63") ? [] : (stryCov_9fa48("63"), [...this.tenants.values()]);
    }
  }

  /** For the simulator's control API; false when the file sets no admin token. */
  adminTokenMatches(token: string): boolean {
    if (stryMutAct_9fa48("64")) {
      {}
    } else {
      stryCov_9fa48("64");
      return stryMutAct_9fa48("67") ? this.adminDigests.length > 0 || anyDigestMatches(this.adminDigests, token) : stryMutAct_9fa48("66") ? false : stryMutAct_9fa48("65") ? true : (stryCov_9fa48("65", "66", "67"), (stryMutAct_9fa48("70") ? this.adminDigests.length <= 0 : stryMutAct_9fa48("69") ? this.adminDigests.length >= 0 : stryMutAct_9fa48("68") ? true : (stryCov_9fa48("68", "69", "70"), this.adminDigests.length > 0)) && anyDigestMatches(this.adminDigests, token));
    }
  }
}
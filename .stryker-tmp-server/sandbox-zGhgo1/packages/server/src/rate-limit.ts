// @ts-nocheck
// Per-tenant rate limits in memory: fixed windows per tenant+phone and per tenant+client
// address. A request counts against both only when both let it through.
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
import type { RateWindow, TenantRateLimit } from "./config/schema.js";
interface Window {
  start: number;
  count: number;
}

/** Entries are swept when the maps grow past this, besides the periodic sweep. */
const SWEEP_AT_SIZE = 100_000;
class Counters {
  private readonly windows = new Map<string, Window>();
  private longestMs = 0;

  /** Milliseconds until `key` may pass again, or 0 when it may pass now. */
  waitMs(key: string, window: RateWindow, now: number): number {
    if (stryMutAct_9fa48("667")) {
      {}
    } else {
      stryCov_9fa48("667");
      const entry = this.windows.get(key);
      const length = stryMutAct_9fa48("668") ? window.windowSeconds / 1000 : (stryCov_9fa48("668"), window.windowSeconds * 1000);
      if (stryMutAct_9fa48("671") ? entry === undefined && now - entry.start >= length : stryMutAct_9fa48("670") ? false : stryMutAct_9fa48("669") ? true : (stryCov_9fa48("669", "670", "671"), (stryMutAct_9fa48("673") ? entry !== undefined : stryMutAct_9fa48("672") ? false : (stryCov_9fa48("672", "673"), entry === undefined)) || (stryMutAct_9fa48("676") ? now - entry.start < length : stryMutAct_9fa48("675") ? now - entry.start > length : stryMutAct_9fa48("674") ? false : (stryCov_9fa48("674", "675", "676"), (stryMutAct_9fa48("677") ? now + entry.start : (stryCov_9fa48("677"), now - entry.start)) >= length)))) return 0;
      return (stryMutAct_9fa48("681") ? entry.count >= window.limit : stryMutAct_9fa48("680") ? entry.count <= window.limit : stryMutAct_9fa48("679") ? false : stryMutAct_9fa48("678") ? true : (stryCov_9fa48("678", "679", "680", "681"), entry.count < window.limit)) ? 0 : stryMutAct_9fa48("682") ? entry.start + length + now : (stryCov_9fa48("682"), (stryMutAct_9fa48("683") ? entry.start - length : (stryCov_9fa48("683"), entry.start + length)) - now);
    }
  }
  hit(key: string, window: RateWindow, now: number): void {
    if (stryMutAct_9fa48("684")) {
      {}
    } else {
      stryCov_9fa48("684");
      const length = stryMutAct_9fa48("685") ? window.windowSeconds / 1000 : (stryCov_9fa48("685"), window.windowSeconds * 1000);
      if (stryMutAct_9fa48("689") ? length <= this.longestMs : stryMutAct_9fa48("688") ? length >= this.longestMs : stryMutAct_9fa48("687") ? false : stryMutAct_9fa48("686") ? true : (stryCov_9fa48("686", "687", "688", "689"), length > this.longestMs)) this.longestMs = length;
      const entry = this.windows.get(key);
      if (stryMutAct_9fa48("692") ? entry === undefined && now - entry.start >= length : stryMutAct_9fa48("691") ? false : stryMutAct_9fa48("690") ? true : (stryCov_9fa48("690", "691", "692"), (stryMutAct_9fa48("694") ? entry !== undefined : stryMutAct_9fa48("693") ? false : (stryCov_9fa48("693", "694"), entry === undefined)) || (stryMutAct_9fa48("697") ? now - entry.start < length : stryMutAct_9fa48("696") ? now - entry.start > length : stryMutAct_9fa48("695") ? false : (stryCov_9fa48("695", "696", "697"), (stryMutAct_9fa48("698") ? now + entry.start : (stryCov_9fa48("698"), now - entry.start)) >= length)))) {
        if (stryMutAct_9fa48("699")) {
          {}
        } else {
          stryCov_9fa48("699");
          if (stryMutAct_9fa48("703") ? this.windows.size < SWEEP_AT_SIZE : stryMutAct_9fa48("702") ? this.windows.size > SWEEP_AT_SIZE : stryMutAct_9fa48("701") ? false : stryMutAct_9fa48("700") ? true : (stryCov_9fa48("700", "701", "702", "703"), this.windows.size >= SWEEP_AT_SIZE)) this.sweep(now);
          this.windows.set(key, stryMutAct_9fa48("704") ? {} : (stryCov_9fa48("704"), {
            start: now,
            count: 1
          }));
        }
      } else {
        if (stryMutAct_9fa48("705")) {
          {}
        } else {
          stryCov_9fa48("705");
          stryMutAct_9fa48("706") ? entry.count-- : (stryCov_9fa48("706"), entry.count++);
        }
      }
    }
  }

  /** Drops windows that ended: none is longer than the longest configured window. */
  sweep(now: number): void {
    if (stryMutAct_9fa48("707")) {
      {}
    } else {
      stryCov_9fa48("707");
      for (const [key, entry] of this.windows) if (stryMutAct_9fa48("711") ? now - entry.start < this.longestMs : stryMutAct_9fa48("710") ? now - entry.start > this.longestMs : stryMutAct_9fa48("709") ? false : stryMutAct_9fa48("708") ? true : (stryCov_9fa48("708", "709", "710", "711"), (stryMutAct_9fa48("712") ? now + entry.start : (stryCov_9fa48("712"), now - entry.start)) >= this.longestMs)) this.windows.delete(key);
    }
  }
  get size(): number {
    if (stryMutAct_9fa48("713")) {
      {}
    } else {
      stryCov_9fa48("713");
      return this.windows.size;
    }
  }
}
export class RateLimiter {
  private readonly phones = new Counters();
  private readonly clients = new Counters();
  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Seconds to wait (Retry-After, at least 1) when the request is over a limit of the
   * tenant's; otherwise undefined, and the request is counted.
   */
  check(tenant: string, limits: TenantRateLimit | undefined, phone: string, client: () => string): number | undefined {
    if (stryMutAct_9fa48("714")) {
      {}
    } else {
      stryCov_9fa48("714");
      if (stryMutAct_9fa48("717") ? limits !== undefined : stryMutAct_9fa48("716") ? false : stryMutAct_9fa48("715") ? true : (stryCov_9fa48("715", "716", "717"), limits === undefined)) return undefined;
      const {
        perPhone,
        perClient
      } = limits;
      if (stryMutAct_9fa48("720") ? perPhone === undefined || perClient === undefined : stryMutAct_9fa48("719") ? false : stryMutAct_9fa48("718") ? true : (stryCov_9fa48("718", "719", "720"), (stryMutAct_9fa48("722") ? perPhone !== undefined : stryMutAct_9fa48("721") ? true : (stryCov_9fa48("721", "722"), perPhone === undefined)) && (stryMutAct_9fa48("724") ? perClient !== undefined : stryMutAct_9fa48("723") ? true : (stryCov_9fa48("723", "724"), perClient === undefined)))) return undefined;
      const now = this.now();
      const phoneKey = (stryMutAct_9fa48("727") ? perPhone !== undefined : stryMutAct_9fa48("726") ? false : stryMutAct_9fa48("725") ? true : (stryCov_9fa48("725", "726", "727"), perPhone === undefined)) ? undefined : stryMutAct_9fa48("728") ? `` : (stryCov_9fa48("728"), `${tenant}\n${phone}`);
      const clientKey = (stryMutAct_9fa48("731") ? perClient !== undefined : stryMutAct_9fa48("730") ? false : stryMutAct_9fa48("729") ? true : (stryCov_9fa48("729", "730", "731"), perClient === undefined)) ? undefined : stryMutAct_9fa48("732") ? `` : (stryCov_9fa48("732"), `${tenant}\n${client()}`);
      let waitMs = 0;
      if (stryMutAct_9fa48("735") ? phoneKey !== undefined || perPhone !== undefined : stryMutAct_9fa48("734") ? false : stryMutAct_9fa48("733") ? true : (stryCov_9fa48("733", "734", "735"), (stryMutAct_9fa48("737") ? phoneKey === undefined : stryMutAct_9fa48("736") ? true : (stryCov_9fa48("736", "737"), phoneKey !== undefined)) && (stryMutAct_9fa48("739") ? perPhone === undefined : stryMutAct_9fa48("738") ? true : (stryCov_9fa48("738", "739"), perPhone !== undefined)))) waitMs = this.phones.waitMs(phoneKey, perPhone, now);
      if (stryMutAct_9fa48("742") ? clientKey !== undefined || perClient !== undefined : stryMutAct_9fa48("741") ? false : stryMutAct_9fa48("740") ? true : (stryCov_9fa48("740", "741", "742"), (stryMutAct_9fa48("744") ? clientKey === undefined : stryMutAct_9fa48("743") ? true : (stryCov_9fa48("743", "744"), clientKey !== undefined)) && (stryMutAct_9fa48("746") ? perClient === undefined : stryMutAct_9fa48("745") ? true : (stryCov_9fa48("745", "746"), perClient !== undefined)))) waitMs = stryMutAct_9fa48("747") ? Math.min(waitMs, this.clients.waitMs(clientKey, perClient, now)) : (stryCov_9fa48("747"), Math.max(waitMs, this.clients.waitMs(clientKey, perClient, now)));
      if (stryMutAct_9fa48("751") ? waitMs <= 0 : stryMutAct_9fa48("750") ? waitMs >= 0 : stryMutAct_9fa48("749") ? false : stryMutAct_9fa48("748") ? true : (stryCov_9fa48("748", "749", "750", "751"), waitMs > 0)) return stryMutAct_9fa48("752") ? Math.min(1, Math.ceil(waitMs / 1000)) : (stryCov_9fa48("752"), Math.max(1, Math.ceil(stryMutAct_9fa48("753") ? waitMs * 1000 : (stryCov_9fa48("753"), waitMs / 1000))));
      if (stryMutAct_9fa48("756") ? phoneKey !== undefined || perPhone !== undefined : stryMutAct_9fa48("755") ? false : stryMutAct_9fa48("754") ? true : (stryCov_9fa48("754", "755", "756"), (stryMutAct_9fa48("758") ? phoneKey === undefined : stryMutAct_9fa48("757") ? true : (stryCov_9fa48("757", "758"), phoneKey !== undefined)) && (stryMutAct_9fa48("760") ? perPhone === undefined : stryMutAct_9fa48("759") ? true : (stryCov_9fa48("759", "760"), perPhone !== undefined)))) this.phones.hit(phoneKey, perPhone, now);
      if (stryMutAct_9fa48("763") ? clientKey !== undefined || perClient !== undefined : stryMutAct_9fa48("762") ? false : stryMutAct_9fa48("761") ? true : (stryCov_9fa48("761", "762", "763"), (stryMutAct_9fa48("765") ? clientKey === undefined : stryMutAct_9fa48("764") ? true : (stryCov_9fa48("764", "765"), clientKey !== undefined)) && (stryMutAct_9fa48("767") ? perClient === undefined : stryMutAct_9fa48("766") ? true : (stryCov_9fa48("766", "767"), perClient !== undefined)))) this.clients.hit(clientKey, perClient, now);
      return undefined;
    }
  }

  /** Forgets windows that have ended; run now and then so memory stays bounded. */
  sweep(): void {
    if (stryMutAct_9fa48("768")) {
      {}
    } else {
      stryCov_9fa48("768");
      const now = this.now();
      this.phones.sweep(now);
      this.clients.sweep(now);
    }
  }

  /** Windows held, for tests and metrics. */
  get size(): number {
    if (stryMutAct_9fa48("769")) {
      {}
    } else {
      stryCov_9fa48("769");
      return stryMutAct_9fa48("770") ? this.phones.size - this.clients.size : (stryCov_9fa48("770"), this.phones.size + this.clients.size);
    }
  }
}
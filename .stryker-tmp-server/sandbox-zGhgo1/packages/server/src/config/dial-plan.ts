// @ts-nocheck
// Dial plans: the first rule whose conditions hold rewrites the digits; no rule, no change.
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
import type { DialPlanRule } from "./schema.js";
function matches(rule: DialPlanRule, digits: string): boolean {
  if (stryMutAct_9fa48("125")) {
    {}
  } else {
    stryCov_9fa48("125");
    if (stryMutAct_9fa48("128") ? rule.length !== undefined || digits.length !== rule.length : stryMutAct_9fa48("127") ? false : stryMutAct_9fa48("126") ? true : (stryCov_9fa48("126", "127", "128"), (stryMutAct_9fa48("130") ? rule.length === undefined : stryMutAct_9fa48("129") ? true : (stryCov_9fa48("129", "130"), rule.length !== undefined)) && (stryMutAct_9fa48("132") ? digits.length === rule.length : stryMutAct_9fa48("131") ? true : (stryCov_9fa48("131", "132"), digits.length !== rule.length)))) return stryMutAct_9fa48("133") ? true : (stryCov_9fa48("133"), false);
    if (stryMutAct_9fa48("136") ? rule.startsWith !== undefined || !digits.startsWith(rule.startsWith) : stryMutAct_9fa48("135") ? false : stryMutAct_9fa48("134") ? true : (stryCov_9fa48("134", "135", "136"), (stryMutAct_9fa48("138") ? rule.startsWith === undefined : stryMutAct_9fa48("137") ? true : (stryCov_9fa48("137", "138"), rule.startsWith !== undefined)) && (stryMutAct_9fa48("139") ? digits.startsWith(rule.startsWith) : (stryCov_9fa48("139"), !(stryMutAct_9fa48("140") ? digits.endsWith(rule.startsWith) : (stryCov_9fa48("140"), digits.startsWith(rule.startsWith))))))) return stryMutAct_9fa48("141") ? true : (stryCov_9fa48("141"), false);
    return stryMutAct_9fa48("142") ? false : (stryCov_9fa48("142"), true);
  }
}

/** The number to dial for `digits` under `rules` (undefined rules: the number as given). */
export function applyDialPlan(rules: readonly DialPlanRule[] | undefined, digits: string): string {
  if (stryMutAct_9fa48("143")) {
    {}
  } else {
    stryCov_9fa48("143");
    if (stryMutAct_9fa48("146") ? rules !== undefined : stryMutAct_9fa48("145") ? false : stryMutAct_9fa48("144") ? true : (stryCov_9fa48("144", "145", "146"), rules === undefined)) return digits;
    for (const rule of rules) {
      if (stryMutAct_9fa48("147")) {
        {}
      } else {
        stryCov_9fa48("147");
        if (stryMutAct_9fa48("149") ? false : stryMutAct_9fa48("148") ? true : (stryCov_9fa48("148", "149"), matches(rule, digits))) return stryMutAct_9fa48("150") ? `` : (stryCov_9fa48("150"), `${stryMutAct_9fa48("151") ? rule.prepend && "" : (stryCov_9fa48("151"), rule.prepend ?? (stryMutAct_9fa48("152") ? "Stryker was here!" : (stryCov_9fa48("152"), "")))}${stryMutAct_9fa48("153") ? digits : (stryCov_9fa48("153"), digits.slice(stryMutAct_9fa48("154") ? rule.strip && 0 : (stryCov_9fa48("154"), rule.strip ?? 0)))}`);
      }
    }
    return digits;
  }
}
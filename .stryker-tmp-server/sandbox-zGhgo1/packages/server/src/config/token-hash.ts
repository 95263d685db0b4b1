// @ts-nocheck
// Tokens are kept as `sha256:<hex>` so a leaked configuration file does not leak them.
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
import { hash } from "node:crypto";
export const TOKEN_HASH_PREFIX = stryMutAct_9fa48("456") ? "" : (stryCov_9fa48("456"), "sha256:");

/** What a stored token looks like: the prefix and 64 lower-case hex digits. */
export const TOKEN_HASH_PATTERN = stryMutAct_9fa48("457") ? "" : (stryCov_9fa48("457"), "^sha256:[0-9a-f]{64}$");
const TOKEN_HASH_RE = new RegExp(TOKEN_HASH_PATTERN);

/** The raw 32-byte digest of a token, as compared at intake. */
export function tokenDigest(token: string): Buffer {
  if (stryMutAct_9fa48("458")) {
    {}
  } else {
    stryCov_9fa48("458");
    // The one-shot form: no Hash object per request.
    return hash(stryMutAct_9fa48("459") ? "" : (stryCov_9fa48("459"), "sha256"), token, stryMutAct_9fa48("460") ? "" : (stryCov_9fa48("460"), "buffer"));
  }
}

/** The text to paste into a configuration file for a token. */
export function hashToken(token: string): string {
  if (stryMutAct_9fa48("461")) {
    {}
  } else {
    stryCov_9fa48("461");
    return stryMutAct_9fa48("462") ? `` : (stryCov_9fa48("462"), `${TOKEN_HASH_PREFIX}${tokenDigest(token).toString(stryMutAct_9fa48("463") ? "" : (stryCov_9fa48("463"), "hex"))}`);
  }
}
export function isTokenHash(text: string): boolean {
  if (stryMutAct_9fa48("464")) {
    {}
  } else {
    stryCov_9fa48("464");
    return TOKEN_HASH_RE.test(text);
  }
}

/** The digest inside a `sha256:<hex>` text; throws on anything else. */
export function parseTokenHash(text: string): Buffer {
  if (stryMutAct_9fa48("465")) {
    {}
  } else {
    stryCov_9fa48("465");
    if (stryMutAct_9fa48("468") ? false : stryMutAct_9fa48("467") ? true : stryMutAct_9fa48("466") ? isTokenHash(text) : (stryCov_9fa48("466", "467", "468"), !isTokenHash(text))) throw new RangeError(stryMutAct_9fa48("469") ? "" : (stryCov_9fa48("469"), "a token hash is sha256: followed by 64 lower-case hex digits"));
    return Buffer.from(stryMutAct_9fa48("470") ? text : (stryCov_9fa48("470"), text.slice(TOKEN_HASH_PREFIX.length)), stryMutAct_9fa48("471") ? "" : (stryCov_9fa48("471"), "hex"));
  }
}
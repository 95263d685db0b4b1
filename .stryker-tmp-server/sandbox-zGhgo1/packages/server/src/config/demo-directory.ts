// @ts-nocheck
// The demo directory of CONTRACT.md section 8, built in so `npm start` works with no file.
// Its tokens are public (the seed prints Acme's), so they live here in plain text and are
// hashed on load like any other.
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
import { ConfigDirectory } from "./config-directory.js";
import type { ConfigFile } from "./schema.js";
import { hashToken } from "./token-hash.js";

/** The demo's plain tokens, for tests and examples; a real file holds hashes only. */
export const DEMO_TOKENS = {
  admin: "demo-admin-token",
  Acme: "fb65d0515b9631c6db72e7e66fe6df49",
  Globex: "0123456789abcdef0123456789abcdef",
  Initech: "fedcba9876543210fedcba9876543210"
} as const;
const LOOPBACK_BACK_ORIGINS = stryMutAct_9fa48("71") ? [] : (stryCov_9fa48("71"), [stryMutAct_9fa48("72") ? "" : (stryCov_9fa48("72"), "http://localhost:*"), stryMutAct_9fa48("73") ? "" : (stryCov_9fa48("73"), "http://127.0.0.1:*")]);

/** The demo configuration, as a file would say it. */
export function demoConfig(): ConfigFile {
  if (stryMutAct_9fa48("74")) {
    {}
  } else {
    stryCov_9fa48("74");
    return stryMutAct_9fa48("75") ? {} : (stryCov_9fa48("75"), {
      adminToken: hashToken(DEMO_TOKENS.admin),
      tenants: stryMutAct_9fa48("76") ? {} : (stryCov_9fa48("76"), {
        Acme: stryMutAct_9fa48("77") ? {} : (stryCov_9fa48("77"), {
          enabled: stryMutAct_9fa48("78") ? false : (stryCov_9fa48("78"), true),
          webCallbackEnabled: stryMutAct_9fa48("79") ? false : (stryCov_9fa48("79"), true),
          tokens: stryMutAct_9fa48("80") ? [] : (stryCov_9fa48("80"), [hashToken(DEMO_TOKENS.Acme)]),
          timeZone: stryMutAct_9fa48("81") ? "" : (stryCov_9fa48("81"), "America/Los_Angeles"),
          defaultCallerId: stryMutAct_9fa48("82") ? "" : (stryCov_9fa48("82"), "18006660000"),
          channels: stryMutAct_9fa48("83") ? {} : (stryCov_9fa48("83"), {
            "18006661212": stryMutAct_9fa48("84") ? {} : (stryCov_9fa48("84"), {
              ivrScript: stryMutAct_9fa48("85") ? "" : (stryCov_9fa48("85"), "Acme main menu")
            }),
            "18006664444": {}
          }),
          queues: stryMutAct_9fa48("86") ? {} : (stryCov_9fa48("86"), {
            "103": stryMutAct_9fa48("87") ? {} : (stryCov_9fa48("87"), {
              enabled: stryMutAct_9fa48("88") ? false : (stryCov_9fa48("88"), true),
              direction: stryMutAct_9fa48("89") ? "" : (stryCov_9fa48("89"), "outbound")
            }),
            "104": stryMutAct_9fa48("90") ? {} : (stryCov_9fa48("90"), {
              enabled: stryMutAct_9fa48("91") ? true : (stryCov_9fa48("91"), false),
              direction: stryMutAct_9fa48("92") ? "" : (stryCov_9fa48("92"), "outbound")
            }),
            "105": stryMutAct_9fa48("93") ? {} : (stryCov_9fa48("93"), {
              enabled: stryMutAct_9fa48("94") ? false : (stryCov_9fa48("94"), true),
              direction: stryMutAct_9fa48("95") ? "" : (stryCov_9fa48("95"), "inbound")
            })
          }),
          agents: stryMutAct_9fa48("96") ? {} : (stryCov_9fa48("96"), {
            "agent-1": stryMutAct_9fa48("97") ? {} : (stryCov_9fa48("97"), {
              queues: stryMutAct_9fa48("98") ? [] : (stryCov_9fa48("98"), [stryMutAct_9fa48("99") ? "" : (stryCov_9fa48("99"), "103")]),
              state: stryMutAct_9fa48("100") ? "" : (stryCov_9fa48("100"), "available"),
              autoAccept: stryMutAct_9fa48("101") ? false : (stryCov_9fa48("101"), true)
            })
          }),
          // Plan 1 gives a 10-digit number a leading 1; with no defaultDialPlan numbers are dialled as given.
          dialPlans: stryMutAct_9fa48("102") ? {} : (stryCov_9fa48("102"), {
            "1": stryMutAct_9fa48("103") ? {} : (stryCov_9fa48("103"), {
              rules: stryMutAct_9fa48("104") ? [] : (stryCov_9fa48("104"), [stryMutAct_9fa48("105") ? {} : (stryCov_9fa48("105"), {
                length: 10,
                prepend: stryMutAct_9fa48("106") ? "" : (stryCov_9fa48("106"), "1")
              })])
            })
          }),
          webhookSecret: stryMutAct_9fa48("107") ? "" : (stryCov_9fa48("107"), "demo-webhook-secret"),
          allowedBackOrigins: stryMutAct_9fa48("108") ? [] : (stryCov_9fa48("108"), [stryMutAct_9fa48("109") ? "" : (stryCov_9fa48("109"), "http://www.acmejet.com"), ...LOOPBACK_BACK_ORIGINS]),
          allowedCallbackHosts: stryMutAct_9fa48("110") ? [] : (stryCov_9fa48("110"), [stryMutAct_9fa48("111") ? "" : (stryCov_9fa48("111"), "mywebporter.com"), stryMutAct_9fa48("112") ? "" : (stryCov_9fa48("112"), "localhost"), stryMutAct_9fa48("113") ? "" : (stryCov_9fa48("113"), "127.0.0.1")]),
          // Loopback result POSTs for the demo tenant only, so tests can receive them.
          allowPrivateCallbackHosts: stryMutAct_9fa48("114") ? false : (stryCov_9fa48("114"), true)
        }),
        Globex: stryMutAct_9fa48("115") ? {} : (stryCov_9fa48("115"), {
          enabled: stryMutAct_9fa48("116") ? false : (stryCov_9fa48("116"), true),
          webCallbackEnabled: stryMutAct_9fa48("117") ? true : (stryCov_9fa48("117"), false),
          tokens: stryMutAct_9fa48("118") ? [] : (stryCov_9fa48("118"), [hashToken(DEMO_TOKENS.Globex)]),
          allowedBackOrigins: stryMutAct_9fa48("119") ? [] : (stryCov_9fa48("119"), [...LOOPBACK_BACK_ORIGINS])
        }),
        Initech: stryMutAct_9fa48("120") ? {} : (stryCov_9fa48("120"), {
          enabled: stryMutAct_9fa48("121") ? true : (stryCov_9fa48("121"), false),
          tokens: stryMutAct_9fa48("122") ? [] : (stryCov_9fa48("122"), [hashToken(DEMO_TOKENS.Initech)]),
          allowedBackOrigins: stryMutAct_9fa48("123") ? [] : (stryCov_9fa48("123"), [...LOOPBACK_BACK_ORIGINS])
        })
      })
    });
  }
}

/** The demo directory: its tokens go through the same hashes as any configuration file's. */
export function demoDirectory(): ConfigDirectory {
  if (stryMutAct_9fa48("124")) {
    {}
  } else {
    stryCov_9fa48("124");
    return new ConfigDirectory(demoConfig());
  }
}
// @ts-nocheck
// The request's parameters: the query string and a url-encoded form merged (the body
// wins on a clash, the first of repeated names wins), read with a hard size limit.
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
import type { IncomingMessage } from "node:http";
import { unescape as unescapeLeniently } from "node:querystring";
import { PARAMETERS, type RequestParams } from "@webcallback/core";

/** Bodies over this many bytes are refused with 413 (ctl_error 107); the document sets it. */
export { BODY_LIMIT_BYTES } from "@webcallback/core";

/**
 * Only the API's own names are kept: unknown parameters are ignored anyway. The map gives
 * back the name as the module holds it, so the property access below reuses one interned key.
 */
const KNOWN = new Map<string, string>(PARAMETERS.map(stryMutAct_9fa48("472") ? () => undefined : (stryCov_9fa48("472"), p => stryMutAct_9fa48("473") ? [] : (stryCov_9fa48("473"), [p.name, p.name]))));

/** Form decoding: `+` is a space, `%XX` a byte of UTF-8; a broken escape stays as written. */
export function decodeComponent(text: string): string {
  if (stryMutAct_9fa48("474")) {
    {}
  } else {
    stryCov_9fa48("474");
    const plain = (stryMutAct_9fa48("477") ? text.indexOf("+") !== -1 : stryMutAct_9fa48("476") ? false : stryMutAct_9fa48("475") ? true : (stryCov_9fa48("475", "476", "477"), text.indexOf(stryMutAct_9fa48("478") ? "" : (stryCov_9fa48("478"), "+")) === (stryMutAct_9fa48("479") ? +1 : (stryCov_9fa48("479"), -1)))) ? text : text.replace(/\+/g, stryMutAct_9fa48("480") ? "" : (stryCov_9fa48("480"), " "));
    if (stryMutAct_9fa48("483") ? plain.indexOf("%") !== -1 : stryMutAct_9fa48("482") ? false : stryMutAct_9fa48("481") ? true : (stryCov_9fa48("481", "482", "483"), plain.indexOf(stryMutAct_9fa48("484") ? "" : (stryCov_9fa48("484"), "%")) === (stryMutAct_9fa48("485") ? +1 : (stryCov_9fa48("485"), -1)))) return plain;
    try {
      if (stryMutAct_9fa48("486")) {
        {}
      } else {
        stryCov_9fa48("486");
        return decodeURIComponent(plain);
      }
    } catch {
      if (stryMutAct_9fa48("487")) {
        {}
      } else {
        stryCov_9fa48("487");
        return unescapeLeniently(plain);
      }
    }
  }
}

/**
 * Adds the known parameters of `text` (a query string or a form body, without `?`) to
 * `into`, keeping a name's value when `into` already has one.
 */
export function addParams(into: Record<string, string>, text: string): void {
  if (stryMutAct_9fa48("488")) {
    {}
  } else {
    stryCov_9fa48("488");
    let start = 0;
    const end = text.length;
    while (stryMutAct_9fa48("491") ? start >= end : stryMutAct_9fa48("490") ? start <= end : stryMutAct_9fa48("489") ? false : (stryCov_9fa48("489", "490", "491"), start < end)) {
      if (stryMutAct_9fa48("492")) {
        {}
      } else {
        stryCov_9fa48("492");
        let amp = text.indexOf(stryMutAct_9fa48("493") ? "" : (stryCov_9fa48("493"), "&"), start);
        if (stryMutAct_9fa48("496") ? amp !== -1 : stryMutAct_9fa48("495") ? false : stryMutAct_9fa48("494") ? true : (stryCov_9fa48("494", "495", "496"), amp === (stryMutAct_9fa48("497") ? +1 : (stryCov_9fa48("497"), -1)))) amp = end;
        if (stryMutAct_9fa48("501") ? amp <= start : stryMutAct_9fa48("500") ? amp >= start : stryMutAct_9fa48("499") ? false : stryMutAct_9fa48("498") ? true : (stryCov_9fa48("498", "499", "500", "501"), amp > start)) {
          if (stryMutAct_9fa48("502")) {
            {}
          } else {
            stryCov_9fa48("502");
            const eq = text.indexOf(stryMutAct_9fa48("503") ? "" : (stryCov_9fa48("503"), "="), start);
            const nameEnd = (stryMutAct_9fa48("506") ? eq === -1 && eq > amp : stryMutAct_9fa48("505") ? false : stryMutAct_9fa48("504") ? true : (stryCov_9fa48("504", "505", "506"), (stryMutAct_9fa48("508") ? eq !== -1 : stryMutAct_9fa48("507") ? false : (stryCov_9fa48("507", "508"), eq === (stryMutAct_9fa48("509") ? +1 : (stryCov_9fa48("509"), -1)))) || (stryMutAct_9fa48("512") ? eq <= amp : stryMutAct_9fa48("511") ? eq >= amp : stryMutAct_9fa48("510") ? false : (stryCov_9fa48("510", "511", "512"), eq > amp)))) ? amp : eq;
            const raw = stryMutAct_9fa48("513") ? text : (stryCov_9fa48("513"), text.slice(start, nameEnd));
            // Names are trimmed like values: a copied example URL breaks its lines right after `&`.
            const name = stryMutAct_9fa48("514") ? KNOWN.get(raw) && KNOWN.get(decodeComponent(raw).trim()) : (stryCov_9fa48("514"), KNOWN.get(raw) ?? KNOWN.get(stryMutAct_9fa48("515") ? decodeComponent(raw) : (stryCov_9fa48("515"), decodeComponent(raw).trim())));
            if (stryMutAct_9fa48("518") ? name !== undefined || into[name] === undefined : stryMutAct_9fa48("517") ? false : stryMutAct_9fa48("516") ? true : (stryCov_9fa48("516", "517", "518"), (stryMutAct_9fa48("520") ? name === undefined : stryMutAct_9fa48("519") ? true : (stryCov_9fa48("519", "520"), name !== undefined)) && (stryMutAct_9fa48("522") ? into[name] !== undefined : stryMutAct_9fa48("521") ? true : (stryCov_9fa48("521", "522"), into[name] === undefined)))) {
              if (stryMutAct_9fa48("523")) {
                {}
              } else {
                stryCov_9fa48("523");
                into[name] = (stryMutAct_9fa48("526") ? nameEnd !== amp : stryMutAct_9fa48("525") ? false : stryMutAct_9fa48("524") ? true : (stryCov_9fa48("524", "525", "526"), nameEnd === amp)) ? stryMutAct_9fa48("527") ? "Stryker was here!" : (stryCov_9fa48("527"), "") : decodeComponent(stryMutAct_9fa48("528") ? text : (stryCov_9fa48("528"), text.slice(stryMutAct_9fa48("529") ? nameEnd - 1 : (stryCov_9fa48("529"), nameEnd + 1), amp)));
              }
            }
          }
        }
        start = stryMutAct_9fa48("530") ? amp - 1 : (stryCov_9fa48("530"), amp + 1);
      }
    }
  }
}

/** A fresh holder; only the API's own names are ever written to it, so none can reach Object.prototype. */
export function emptyParams(): Record<string, string> {
  if (stryMutAct_9fa48("531")) {
    {}
  } else {
    stryCov_9fa48("531");
    return {};
  }
}

/** The parameters of a GET: the query string (without `?`). */
export function queryParams(query: string): RequestParams {
  if (stryMutAct_9fa48("532")) {
    {}
  } else {
    stryCov_9fa48("532");
    const params = emptyParams();
    addParams(params, query);
    return params;
  }
}

/** The parameters of a form POST: the body first, so it wins over the query. */
export function formParams(body: string, query: string): RequestParams {
  if (stryMutAct_9fa48("533")) {
    {}
  } else {
    stryCov_9fa48("533");
    const params = emptyParams();
    addParams(params, body);
    addParams(params, query);
    return params;
  }
}

/** Charsets a body is read in: UTF-8 and its ASCII subset. */
const READABLE_CHARSETS: ReadonlySet<string> = new Set(stryMutAct_9fa48("534") ? [] : (stryCov_9fa48("534"), [stryMutAct_9fa48("535") ? "" : (stryCov_9fa48("535"), "utf-8"), stryMutAct_9fa48("536") ? "" : (stryCov_9fa48("536"), "utf8"), stryMutAct_9fa48("537") ? "" : (stryCov_9fa48("537"), "us-ascii")]));

/** `application/x-www-form-urlencoded`, any case, with no charset or one we read as UTF-8. */
export function isFormContentType(header: string | undefined): boolean {
  if (stryMutAct_9fa48("538")) {
    {}
  } else {
    stryCov_9fa48("538");
    if (stryMutAct_9fa48("541") ? header !== undefined : stryMutAct_9fa48("540") ? false : stryMutAct_9fa48("539") ? true : (stryCov_9fa48("539", "540", "541"), header === undefined)) return stryMutAct_9fa48("542") ? true : (stryCov_9fa48("542"), false);
    const [type = stryMutAct_9fa48("543") ? "Stryker was here!" : (stryCov_9fa48("543"), ""), ...parameters] = header.split(stryMutAct_9fa48("544") ? "" : (stryCov_9fa48("544"), ";"));
    if (stryMutAct_9fa48("547") ? type.trim().toLowerCase() === "application/x-www-form-urlencoded" : stryMutAct_9fa48("546") ? false : stryMutAct_9fa48("545") ? true : (stryCov_9fa48("545", "546", "547"), (stryMutAct_9fa48("549") ? type.toLowerCase() : stryMutAct_9fa48("548") ? type.trim().toUpperCase() : (stryCov_9fa48("548", "549"), type.trim().toLowerCase())) !== (stryMutAct_9fa48("550") ? "" : (stryCov_9fa48("550"), "application/x-www-form-urlencoded")))) return stryMutAct_9fa48("551") ? true : (stryCov_9fa48("551"), false);
    for (const parameter of parameters) {
      if (stryMutAct_9fa48("552")) {
        {}
      } else {
        stryCov_9fa48("552");
        const eq = parameter.indexOf(stryMutAct_9fa48("553") ? "" : (stryCov_9fa48("553"), "="));
        if (stryMutAct_9fa48("556") ? eq === -1 && parameter.slice(0, eq).trim().toLowerCase() !== "charset" : stryMutAct_9fa48("555") ? false : stryMutAct_9fa48("554") ? true : (stryCov_9fa48("554", "555", "556"), (stryMutAct_9fa48("558") ? eq !== -1 : stryMutAct_9fa48("557") ? false : (stryCov_9fa48("557", "558"), eq === (stryMutAct_9fa48("559") ? +1 : (stryCov_9fa48("559"), -1)))) || (stryMutAct_9fa48("561") ? parameter.slice(0, eq).trim().toLowerCase() === "charset" : stryMutAct_9fa48("560") ? false : (stryCov_9fa48("560", "561"), (stryMutAct_9fa48("564") ? parameter.trim().toLowerCase() : stryMutAct_9fa48("563") ? parameter.slice(0, eq).toLowerCase() : stryMutAct_9fa48("562") ? parameter.slice(0, eq).trim().toUpperCase() : (stryCov_9fa48("562", "563", "564"), parameter.slice(0, eq).trim().toLowerCase())) !== (stryMutAct_9fa48("565") ? "" : (stryCov_9fa48("565"), "charset")))))) continue;
        const charset = stryMutAct_9fa48("568") ? parameter.trim().replace(/^"(.*)"$/, "$1").toLowerCase() : stryMutAct_9fa48("567") ? parameter.slice(eq + 1).replace(/^"(.*)"$/, "$1").toLowerCase() : stryMutAct_9fa48("566") ? parameter.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1").toUpperCase() : (stryCov_9fa48("566", "567", "568"), parameter.slice(stryMutAct_9fa48("569") ? eq - 1 : (stryCov_9fa48("569"), eq + 1)).trim().replace(stryMutAct_9fa48("572") ? /^"(.)"$/ : stryMutAct_9fa48("571") ? /^"(.*)"/ : stryMutAct_9fa48("570") ? /"(.*)"$/ : (stryCov_9fa48("570", "571", "572"), /^"(.*)"$/), stryMutAct_9fa48("573") ? "" : (stryCov_9fa48("573"), "$1")).toLowerCase());
        if (stryMutAct_9fa48("576") ? false : stryMutAct_9fa48("575") ? true : stryMutAct_9fa48("574") ? READABLE_CHARSETS.has(charset) : (stryCov_9fa48("574", "575", "576"), !READABLE_CHARSETS.has(charset))) return stryMutAct_9fa48("577") ? true : (stryCov_9fa48("577"), false);
      }
    }
    return stryMutAct_9fa48("578") ? false : (stryCov_9fa48("578"), true);
  }
}

/** A body sent compressed (or otherwise encoded) is not a form we can read. */
export function isPlainBody(contentEncoding: string | undefined): boolean {
  if (stryMutAct_9fa48("579")) {
    {}
  } else {
    stryCov_9fa48("579");
    return stryMutAct_9fa48("582") ? contentEncoding === undefined && contentEncoding.trim().toLowerCase() === "identity" : stryMutAct_9fa48("581") ? false : stryMutAct_9fa48("580") ? true : (stryCov_9fa48("580", "581", "582"), (stryMutAct_9fa48("584") ? contentEncoding !== undefined : stryMutAct_9fa48("583") ? false : (stryCov_9fa48("583", "584"), contentEncoding === undefined)) || (stryMutAct_9fa48("586") ? contentEncoding.trim().toLowerCase() !== "identity" : stryMutAct_9fa48("585") ? false : (stryCov_9fa48("585", "586"), (stryMutAct_9fa48("588") ? contentEncoding.toLowerCase() : stryMutAct_9fa48("587") ? contentEncoding.trim().toUpperCase() : (stryCov_9fa48("587", "588"), contentEncoding.trim().toLowerCase())) === (stryMutAct_9fa48("589") ? "" : (stryCov_9fa48("589"), "identity")))));
  }
}
export type BodyResult = {
  readonly kind: "ok";
  readonly text: string;
}
/** Over the limit; nothing past the limit was kept. */ | {
  readonly kind: "too-large";
}
/** The client went away or the stream failed; nobody is left to answer. */ | {
  readonly kind: "aborted";
};

/**
 * Past the limit, this much more is read and thrown away so a client still uploading can
 * finish and read the 413 (closing on unread data resets the connection). Beyond it the
 * connection is simply closed after the answer.
 */
export const DISCARD_BYTES = stryMutAct_9fa48("590") ? 1024 / 1024 : (stryCov_9fa48("590"), 1024 * 1024);
const TOO_LARGE: BodyResult = stryMutAct_9fa48("591") ? {} : (stryCov_9fa48("591"), {
  kind: stryMutAct_9fa48("592") ? "" : (stryCov_9fa48("592"), "too-large")
});
const ABORTED: BodyResult = stryMutAct_9fa48("593") ? {} : (stryCov_9fa48("593"), {
  kind: stryMutAct_9fa48("594") ? "" : (stryCov_9fa48("594"), "aborted")
});
const EMPTY: BodyResult = stryMutAct_9fa48("595") ? {} : (stryCov_9fa48("595"), {
  kind: stryMutAct_9fa48("596") ? "" : (stryCov_9fa48("596"), "ok"),
  text: stryMutAct_9fa48("597") ? "Stryker was here!" : (stryCov_9fa48("597"), "")
});

/**
 * Reads a request body of at most `limit` bytes. A body over the limit is not kept: it is
 * discarded up to DISCARD_BYTES more, or not read at all when its declared length says it
 * is bigger than that. With `keep` false the bytes are only counted (the body will be
 * refused anyway).
 */
export function readBody(req: IncomingMessage, limit: number, keep: boolean): Promise<BodyResult> {
  if (stryMutAct_9fa48("598")) {
    {}
  } else {
    stryCov_9fa48("598");
    const declared = req.headers[stryMutAct_9fa48("599") ? "" : (stryCov_9fa48("599"), "content-length")];
    if (stryMutAct_9fa48("602") ? declared !== undefined || Number(declared) > limit + DISCARD_BYTES : stryMutAct_9fa48("601") ? false : stryMutAct_9fa48("600") ? true : (stryCov_9fa48("600", "601", "602"), (stryMutAct_9fa48("604") ? declared === undefined : stryMutAct_9fa48("603") ? true : (stryCov_9fa48("603", "604"), declared !== undefined)) && (stryMutAct_9fa48("607") ? Number(declared) <= limit + DISCARD_BYTES : stryMutAct_9fa48("606") ? Number(declared) >= limit + DISCARD_BYTES : stryMutAct_9fa48("605") ? true : (stryCov_9fa48("605", "606", "607"), Number(declared) > (stryMutAct_9fa48("608") ? limit - DISCARD_BYTES : (stryCov_9fa48("608"), limit + DISCARD_BYTES)))))) return Promise.resolve(TOO_LARGE);
    if (stryMutAct_9fa48("611") ? declared !== "0" : stryMutAct_9fa48("610") ? false : stryMutAct_9fa48("609") ? true : (stryCov_9fa48("609", "610", "611"), declared === (stryMutAct_9fa48("612") ? "" : (stryCov_9fa48("612"), "0")))) return Promise.resolve(EMPTY);
    return new Promise<BodyResult>(resolve => {
      if (stryMutAct_9fa48("613")) {
        {}
      } else {
        stryCov_9fa48("613");
        // A form usually arrives in one chunk; more are gathered only when they come.
        let first: Buffer | undefined;
        let more: Buffer[] | undefined;
        let size = 0;
        let settled = stryMutAct_9fa48("614") ? true : (stryCov_9fa48("614"), false);
        req.on(stryMutAct_9fa48("615") ? "" : (stryCov_9fa48("615"), "data"), (chunk: Buffer) => {
          if (stryMutAct_9fa48("616")) {
            {}
          } else {
            stryCov_9fa48("616");
            if (stryMutAct_9fa48("618") ? false : stryMutAct_9fa48("617") ? true : (stryCov_9fa48("617", "618"), settled)) return;
            stryMutAct_9fa48("619") ? size -= chunk.length : (stryCov_9fa48("619"), size += chunk.length);
            if (stryMutAct_9fa48("623") ? size <= limit + DISCARD_BYTES : stryMutAct_9fa48("622") ? size >= limit + DISCARD_BYTES : stryMutAct_9fa48("621") ? false : stryMutAct_9fa48("620") ? true : (stryCov_9fa48("620", "621", "622", "623"), size > (stryMutAct_9fa48("624") ? limit - DISCARD_BYTES : (stryCov_9fa48("624"), limit + DISCARD_BYTES)))) {
              if (stryMutAct_9fa48("625")) {
                {}
              } else {
                stryCov_9fa48("625");
                settled = stryMutAct_9fa48("626") ? false : (stryCov_9fa48("626"), true);
                req.pause();
                resolve(TOO_LARGE);
              }
            } else if (stryMutAct_9fa48("629") ? keep || size <= limit : stryMutAct_9fa48("628") ? false : stryMutAct_9fa48("627") ? true : (stryCov_9fa48("627", "628", "629"), keep && (stryMutAct_9fa48("632") ? size > limit : stryMutAct_9fa48("631") ? size < limit : stryMutAct_9fa48("630") ? true : (stryCov_9fa48("630", "631", "632"), size <= limit)))) {
              if (stryMutAct_9fa48("633")) {
                {}
              } else {
                stryCov_9fa48("633");
                if (stryMutAct_9fa48("636") ? first !== undefined : stryMutAct_9fa48("635") ? false : stryMutAct_9fa48("634") ? true : (stryCov_9fa48("634", "635", "636"), first === undefined)) first = chunk;else if (stryMutAct_9fa48("639") ? more !== undefined : stryMutAct_9fa48("638") ? false : stryMutAct_9fa48("637") ? true : (stryCov_9fa48("637", "638", "639"), more === undefined)) more = stryMutAct_9fa48("640") ? [] : (stryCov_9fa48("640"), [first, chunk]);else more.push(chunk);
              }
            }
          }
        });
        req.on(stryMutAct_9fa48("641") ? "" : (stryCov_9fa48("641"), "end"), () => {
          if (stryMutAct_9fa48("642")) {
            {}
          } else {
            stryCov_9fa48("642");
            if (stryMutAct_9fa48("644") ? false : stryMutAct_9fa48("643") ? true : (stryCov_9fa48("643", "644"), settled)) return;
            settled = stryMutAct_9fa48("645") ? false : (stryCov_9fa48("645"), true);
            if (stryMutAct_9fa48("649") ? size <= limit : stryMutAct_9fa48("648") ? size >= limit : stryMutAct_9fa48("647") ? false : stryMutAct_9fa48("646") ? true : (stryCov_9fa48("646", "647", "648", "649"), size > limit)) resolve(TOO_LARGE);else if (stryMutAct_9fa48("652") ? !keep && first === undefined : stryMutAct_9fa48("651") ? false : stryMutAct_9fa48("650") ? true : (stryCov_9fa48("650", "651", "652"), (stryMutAct_9fa48("653") ? keep : (stryCov_9fa48("653"), !keep)) || (stryMutAct_9fa48("655") ? first !== undefined : stryMutAct_9fa48("654") ? false : (stryCov_9fa48("654", "655"), first === undefined)))) resolve(EMPTY);else resolve(stryMutAct_9fa48("656") ? {} : (stryCov_9fa48("656"), {
              kind: stryMutAct_9fa48("657") ? "" : (stryCov_9fa48("657"), "ok"),
              text: ((stryMutAct_9fa48("660") ? more !== undefined : stryMutAct_9fa48("659") ? false : stryMutAct_9fa48("658") ? true : (stryCov_9fa48("658", "659", "660"), more === undefined)) ? first : Buffer.concat(more, size)).toString(stryMutAct_9fa48("661") ? "" : (stryCov_9fa48("661"), "utf8"))
            }));
          }
        });
        // An aborted request ends in an error; its listener also keeps the error from being thrown.
        req.on(stryMutAct_9fa48("662") ? "" : (stryCov_9fa48("662"), "error"), () => {
          if (stryMutAct_9fa48("663")) {
            {}
          } else {
            stryCov_9fa48("663");
            if (stryMutAct_9fa48("665") ? false : stryMutAct_9fa48("664") ? true : (stryCov_9fa48("664", "665"), settled)) return;
            settled = stryMutAct_9fa48("666") ? false : (stryCov_9fa48("666"), true);
            resolve(ABORTED);
          }
        });
      }
    });
  }
}
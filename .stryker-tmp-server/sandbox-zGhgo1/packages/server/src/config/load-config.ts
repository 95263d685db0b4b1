// @ts-nocheck
// Reads a configuration file (YAML or JSON), checks it against the JSON Schema and the
// rules a schema cannot say (references, time zones, origins), and names every mistake
// by file, line, path and rule.
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
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseOriginPattern } from "@webcallback/core";
import { Ajv, type ErrorObject } from "ajv";
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { CONFIG_SCHEMA, type ConfigFile } from "./schema.js";
export interface ConfigProblem {
  /** Where in the file, as `$.tenants.Acme.queues["103"].direction`. */
  readonly path: string;
  /** The rule broken: a JSON Schema keyword (`enum`, `pattern`…) or one of ours (`reference`, `timeZone`, `origin`, `syntax`). */
  readonly rule: string;
  readonly message: string;
  /** 1-based, when the position is known. */
  readonly line?: number;
  readonly column?: number;
}
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  constructor(readonly file: string, problems: readonly ConfigProblem[]) {
    // In the file's order, so the list reads top to bottom.
    problems = stryMutAct_9fa48("155") ? [...problems] : (stryCov_9fa48("155"), (stryMutAct_9fa48("156") ? [] : (stryCov_9fa48("156"), [...problems])).sort(stryMutAct_9fa48("157") ? () => undefined : (stryCov_9fa48("157"), (a, b) => stryMutAct_9fa48("160") ? (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) && (a.column ?? 0) - (b.column ?? 0) : stryMutAct_9fa48("159") ? false : stryMutAct_9fa48("158") ? true : (stryCov_9fa48("158", "159", "160"), (stryMutAct_9fa48("161") ? (a.line ?? Number.MAX_SAFE_INTEGER) + (b.line ?? Number.MAX_SAFE_INTEGER) : (stryCov_9fa48("161"), (stryMutAct_9fa48("162") ? a.line && Number.MAX_SAFE_INTEGER : (stryCov_9fa48("162"), a.line ?? Number.MAX_SAFE_INTEGER)) - (stryMutAct_9fa48("163") ? b.line && Number.MAX_SAFE_INTEGER : (stryCov_9fa48("163"), b.line ?? Number.MAX_SAFE_INTEGER)))) || (stryMutAct_9fa48("164") ? (a.column ?? 0) + (b.column ?? 0) : (stryCov_9fa48("164"), (stryMutAct_9fa48("165") ? a.column && 0 : (stryCov_9fa48("165"), a.column ?? 0)) - (stryMutAct_9fa48("166") ? b.column && 0 : (stryCov_9fa48("166"), b.column ?? 0))))))));
    super(stryMutAct_9fa48("167") ? `` : (stryCov_9fa48("167"), `invalid configuration file ${file}:\n${problems.map(stryMutAct_9fa48("168") ? () => undefined : (stryCov_9fa48("168"), p => stryMutAct_9fa48("169") ? `` : (stryCov_9fa48("169"), `  ${formatProblem(file, p)}`))).join(stryMutAct_9fa48("170") ? "" : (stryCov_9fa48("170"), "\n"))}`));
    this.name = stryMutAct_9fa48("171") ? "" : (stryCov_9fa48("171"), "ConfigError");
    this.problems = problems;
  }
}
export function formatProblem(file: string, problem: ConfigProblem): string {
  if (stryMutAct_9fa48("172")) {
    {}
  } else {
    stryCov_9fa48("172");
    const at = (stryMutAct_9fa48("175") ? problem.line !== undefined : stryMutAct_9fa48("174") ? false : stryMutAct_9fa48("173") ? true : (stryCov_9fa48("173", "174", "175"), problem.line === undefined)) ? file : stryMutAct_9fa48("176") ? `` : (stryCov_9fa48("176"), `${file}:${problem.line}:${stryMutAct_9fa48("177") ? problem.column && 1 : (stryCov_9fa48("177"), problem.column ?? 1)}`);
    return stryMutAct_9fa48("178") ? `` : (stryCov_9fa48("178"), `${at}: ${problem.path}: ${problem.message} (rule: ${problem.rule})`);
  }
}
type Segment = string | number;
const IDENTIFIER = stryMutAct_9fa48("183") ? /^[A-Za-z_$][^A-Za-z0-9_$]*$/ : stryMutAct_9fa48("182") ? /^[A-Za-z_$][A-Za-z0-9_$]$/ : stryMutAct_9fa48("181") ? /^[^A-Za-z_$][A-Za-z0-9_$]*$/ : stryMutAct_9fa48("180") ? /^[A-Za-z_$][A-Za-z0-9_$]*/ : stryMutAct_9fa48("179") ? /[A-Za-z_$][A-Za-z0-9_$]*$/ : (stryCov_9fa48("179", "180", "181", "182", "183"), /^[A-Za-z_$][A-Za-z0-9_$]*$/);

/** `$.a.b[0]["odd key"]` from path segments. */
export function jsonPath(segments: readonly Segment[]): string {
  if (stryMutAct_9fa48("184")) {
    {}
  } else {
    stryCov_9fa48("184");
    let out = stryMutAct_9fa48("185") ? "" : (stryCov_9fa48("185"), "$");
    for (const segment of segments) {
      if (stryMutAct_9fa48("186")) {
        {}
      } else {
        stryCov_9fa48("186");
        if (stryMutAct_9fa48("189") ? typeof segment !== "number" : stryMutAct_9fa48("188") ? false : stryMutAct_9fa48("187") ? true : (stryCov_9fa48("187", "188", "189"), typeof segment === (stryMutAct_9fa48("190") ? "" : (stryCov_9fa48("190"), "number")))) out += stryMutAct_9fa48("191") ? `` : (stryCov_9fa48("191"), `[${segment}]`);else stryMutAct_9fa48("192") ? out -= IDENTIFIER.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]` : (stryCov_9fa48("192"), out += IDENTIFIER.test(segment) ? stryMutAct_9fa48("193") ? `` : (stryCov_9fa48("193"), `.${segment}`) : stryMutAct_9fa48("194") ? `` : (stryCov_9fa48("194"), `[${JSON.stringify(segment)}]`));
      }
    }
    return out;
  }
}

/** Ajv's JSON Pointer as segments, array indexes as numbers (told apart by the data). */
function segmentsOf(pointer: string, data: unknown): Segment[] {
  if (stryMutAct_9fa48("195")) {
    {}
  } else {
    stryCov_9fa48("195");
    if (stryMutAct_9fa48("198") ? pointer !== "" : stryMutAct_9fa48("197") ? false : stryMutAct_9fa48("196") ? true : (stryCov_9fa48("196", "197", "198"), pointer === (stryMutAct_9fa48("199") ? "Stryker was here!" : (stryCov_9fa48("199"), "")))) return stryMutAct_9fa48("200") ? ["Stryker was here"] : (stryCov_9fa48("200"), []);
    const segments: Segment[] = stryMutAct_9fa48("201") ? ["Stryker was here"] : (stryCov_9fa48("201"), []);
    let node: unknown = data;
    for (const raw of stryMutAct_9fa48("202") ? pointer.split("/") : (stryCov_9fa48("202"), pointer.slice(1).split(stryMutAct_9fa48("203") ? "" : (stryCov_9fa48("203"), "/")))) {
      if (stryMutAct_9fa48("204")) {
        {}
      } else {
        stryCov_9fa48("204");
        const key = raw.replace(/~1/g, stryMutAct_9fa48("205") ? "" : (stryCov_9fa48("205"), "/")).replace(/~0/g, stryMutAct_9fa48("206") ? "" : (stryCov_9fa48("206"), "~"));
        if (stryMutAct_9fa48("208") ? false : stryMutAct_9fa48("207") ? true : (stryCov_9fa48("207", "208"), Array.isArray(node))) {
          if (stryMutAct_9fa48("209")) {
            {}
          } else {
            stryCov_9fa48("209");
            const index = Number(key);
            segments.push(index);
            node = node[index];
          }
        } else {
          if (stryMutAct_9fa48("210")) {
            {}
          } else {
            stryCov_9fa48("210");
            segments.push(key);
            node = (stryMutAct_9fa48("213") ? node !== null || typeof node === "object" : stryMutAct_9fa48("212") ? false : stryMutAct_9fa48("211") ? true : (stryCov_9fa48("211", "212", "213"), (stryMutAct_9fa48("215") ? node === null : stryMutAct_9fa48("214") ? true : (stryCov_9fa48("214", "215"), node !== null)) && (stryMutAct_9fa48("217") ? typeof node !== "object" : stryMutAct_9fa48("216") ? true : (stryCov_9fa48("216", "217"), typeof node === (stryMutAct_9fa48("218") ? "" : (stryCov_9fa48("218"), "object")))))) ? (node as Record<string, unknown>)[key] : undefined;
          }
        }
      }
    }
    return segments;
  }
}

/** Where a path sits in the YAML (or JSON) text: the key of a map entry, or the item of a list. */
class Locator {
  constructor(private readonly doc: Document.Parsed | undefined, private readonly lines: LineCounter) {}
  locate(segments: readonly Segment[]): {
    line: number;
    column: number;
  } | undefined {
    if (stryMutAct_9fa48("219")) {
      {}
    } else {
      stryCov_9fa48("219");
      if (stryMutAct_9fa48("222") ? this.doc !== undefined : stryMutAct_9fa48("221") ? false : stryMutAct_9fa48("220") ? true : (stryCov_9fa48("220", "221", "222"), this.doc === undefined)) return undefined;
      let node: unknown = this.doc.contents;
      let offset: number | undefined = (stryMutAct_9fa48("225") ? isMap(node) && isSeq(node) : stryMutAct_9fa48("224") ? false : stryMutAct_9fa48("223") ? true : (stryCov_9fa48("223", "224", "225"), isMap(node) || isSeq(node))) ? stryMutAct_9fa48("226") ? node.range[0] : (stryCov_9fa48("226"), node.range?.[0]) : undefined;
      for (const segment of segments) {
        if (stryMutAct_9fa48("227")) {
          {}
        } else {
          stryCov_9fa48("227");
          if (stryMutAct_9fa48("229") ? false : stryMutAct_9fa48("228") ? true : (stryCov_9fa48("228", "229"), isMap(node))) {
            if (stryMutAct_9fa48("230")) {
              {}
            } else {
              stryCov_9fa48("230");
              const pair = node.items.find(stryMutAct_9fa48("231") ? () => undefined : (stryCov_9fa48("231"), p => stryMutAct_9fa48("234") ? isScalar(p.key) || String(p.key.value) === String(segment) : stryMutAct_9fa48("233") ? false : stryMutAct_9fa48("232") ? true : (stryCov_9fa48("232", "233", "234"), isScalar(p.key) && (stryMutAct_9fa48("236") ? String(p.key.value) !== String(segment) : stryMutAct_9fa48("235") ? true : (stryCov_9fa48("235", "236"), String(p.key.value) === String(segment))))));
              if (stryMutAct_9fa48("239") ? pair !== undefined : stryMutAct_9fa48("238") ? false : stryMutAct_9fa48("237") ? true : (stryCov_9fa48("237", "238", "239"), pair === undefined)) break;
              if (stryMutAct_9fa48("242") ? isScalar(pair.key) || pair.key.range : stryMutAct_9fa48("241") ? false : stryMutAct_9fa48("240") ? true : (stryCov_9fa48("240", "241", "242"), isScalar(pair.key) && pair.key.range)) offset = pair.key.range[0];
              node = pair.value;
            }
          } else if (stryMutAct_9fa48("245") ? isSeq(node) || typeof segment === "number" : stryMutAct_9fa48("244") ? false : stryMutAct_9fa48("243") ? true : (stryCov_9fa48("243", "244", "245"), isSeq(node) && (stryMutAct_9fa48("247") ? typeof segment !== "number" : stryMutAct_9fa48("246") ? true : (stryCov_9fa48("246", "247"), typeof segment === (stryMutAct_9fa48("248") ? "" : (stryCov_9fa48("248"), "number")))))) {
            if (stryMutAct_9fa48("249")) {
              {}
            } else {
              stryCov_9fa48("249");
              const item = node.items[segment];
              if (stryMutAct_9fa48("252") ? item !== undefined : stryMutAct_9fa48("251") ? false : stryMutAct_9fa48("250") ? true : (stryCov_9fa48("250", "251", "252"), item === undefined)) break;
              if (stryMutAct_9fa48("255") ? isScalar(item) || isMap(item) || isSeq(item) || item.range : stryMutAct_9fa48("254") ? false : stryMutAct_9fa48("253") ? true : (stryCov_9fa48("253", "254", "255"), (stryMutAct_9fa48("257") ? (isScalar(item) || isMap(item)) && isSeq(item) : stryMutAct_9fa48("256") ? true : (stryCov_9fa48("256", "257"), (stryMutAct_9fa48("259") ? isScalar(item) && isMap(item) : stryMutAct_9fa48("258") ? false : (stryCov_9fa48("258", "259"), isScalar(item) || isMap(item))) || isSeq(item))) && item.range)) offset = item.range[0];
              node = item;
            }
          } else {
            if (stryMutAct_9fa48("260")) {
              {}
            } else {
              stryCov_9fa48("260");
              break;
            }
          }
        }
      }
      if (stryMutAct_9fa48("263") ? offset !== undefined : stryMutAct_9fa48("262") ? false : stryMutAct_9fa48("261") ? true : (stryCov_9fa48("261", "262", "263"), offset === undefined)) return undefined;
      const {
        line,
        col
      } = this.lines.linePos(offset);
      return stryMutAct_9fa48("264") ? {} : (stryCov_9fa48("264"), {
        line,
        column: col
      });
    }
  }
}
let compiled: ReturnType<Ajv["compile"]> | undefined;
function validator(): ReturnType<Ajv["compile"]> {
  if (stryMutAct_9fa48("265")) {
    {}
  } else {
    stryCov_9fa48("265");
    // Numbers where ids are expected (`queue: 103` in YAML) become strings, as written.
    stryMutAct_9fa48("266") ? compiled &&= new Ajv({
      allErrors: true,
      strict: true,
      verbose: true,
      coerceTypes: true
    }).compile(CONFIG_SCHEMA) : (stryCov_9fa48("266"), compiled ??= new Ajv(stryMutAct_9fa48("267") ? {} : (stryCov_9fa48("267"), {
      allErrors: stryMutAct_9fa48("268") ? false : (stryCov_9fa48("268"), true),
      strict: stryMutAct_9fa48("269") ? false : (stryCov_9fa48("269"), true),
      verbose: stryMutAct_9fa48("270") ? false : (stryCov_9fa48("270"), true),
      coerceTypes: stryMutAct_9fa48("271") ? false : (stryCov_9fa48("271"), true)
    })).compile(CONFIG_SCHEMA));
    return compiled;
  }
}
function describeRule(error: ErrorObject): string {
  if (stryMutAct_9fa48("272")) {
    {}
  } else {
    stryCov_9fa48("272");
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case stryMutAct_9fa48("274") ? "" : (stryCov_9fa48("274"), "enum"):
        if (stryMutAct_9fa48("273")) {} else {
          stryCov_9fa48("273");
          return stryMutAct_9fa48("275") ? `` : (stryCov_9fa48("275"), `must be one of ${(params.allowedValues as unknown[]).map(stryMutAct_9fa48("276") ? () => undefined : (stryCov_9fa48("276"), v => JSON.stringify(v))).join(stryMutAct_9fa48("277") ? "" : (stryCov_9fa48("277"), ", "))}`);
        }
      case stryMutAct_9fa48("279") ? "" : (stryCov_9fa48("279"), "additionalProperties"):
        if (stryMutAct_9fa48("278")) {} else {
          stryCov_9fa48("278");
          return stryMutAct_9fa48("280") ? "" : (stryCov_9fa48("280"), "is not a known setting");
        }
      case stryMutAct_9fa48("282") ? "" : (stryCov_9fa48("282"), "required"):
        if (stryMutAct_9fa48("281")) {} else {
          stryCov_9fa48("281");
          return stryMutAct_9fa48("283") ? `` : (stryCov_9fa48("283"), `must have the setting ${JSON.stringify(params.missingProperty)}`);
        }
      default:
        if (stryMutAct_9fa48("284")) {} else {
          stryCov_9fa48("284");
          return stryMutAct_9fa48("285") ? error.message && error.keyword : (stryCov_9fa48("285"), error.message ?? error.keyword);
        }
    }
  }
}
function schemaProblems(errors: readonly ErrorObject[], data: unknown, locator: Locator): ConfigProblem[] {
  if (stryMutAct_9fa48("286")) {
    {}
  } else {
    stryCov_9fa48("286");
    const problems: ConfigProblem[] = stryMutAct_9fa48("287") ? ["Stryker was here"] : (stryCov_9fa48("287"), []);
    for (const error of errors) {
      if (stryMutAct_9fa48("288")) {
        {}
      } else {
        stryCov_9fa48("288");
        // Reported by the inner error on the property name itself.
        if (stryMutAct_9fa48("291") ? error.keyword === "propertyNames" && error.keyword === "if" : stryMutAct_9fa48("290") ? false : stryMutAct_9fa48("289") ? true : (stryCov_9fa48("289", "290", "291"), (stryMutAct_9fa48("293") ? error.keyword !== "propertyNames" : stryMutAct_9fa48("292") ? false : (stryCov_9fa48("292", "293"), error.keyword === (stryMutAct_9fa48("294") ? "" : (stryCov_9fa48("294"), "propertyNames")))) || (stryMutAct_9fa48("296") ? error.keyword !== "if" : stryMutAct_9fa48("295") ? false : (stryCov_9fa48("295", "296"), error.keyword === (stryMutAct_9fa48("297") ? "" : (stryCov_9fa48("297"), "if")))))) continue;
        const params = error.params as Record<string, unknown>;
        const segments = segmentsOf(error.instancePath, data);
        if (stryMutAct_9fa48("300") ? error.keyword !== "additionalProperties" : stryMutAct_9fa48("299") ? false : stryMutAct_9fa48("298") ? true : (stryCov_9fa48("298", "299", "300"), error.keyword === (stryMutAct_9fa48("301") ? "" : (stryCov_9fa48("301"), "additionalProperties")))) segments.push(String(params.additionalProperty));
        const propertyName = (stryMutAct_9fa48("304") ? typeof error.propertyName !== "string" : stryMutAct_9fa48("303") ? false : stryMutAct_9fa48("302") ? true : (stryCov_9fa48("302", "303", "304"), typeof error.propertyName === (stryMutAct_9fa48("305") ? "" : (stryCov_9fa48("305"), "string")))) ? error.propertyName : undefined;
        if (stryMutAct_9fa48("308") ? propertyName === undefined : stryMutAct_9fa48("307") ? false : stryMutAct_9fa48("306") ? true : (stryCov_9fa48("306", "307", "308"), propertyName !== undefined)) segments.push(propertyName);
        const hint = stryMutAct_9fa48("309") ? (error.parentSchema as {
          description?: unknown;
        } | undefined).description : (stryCov_9fa48("309"), (error.parentSchema as {
          description?: unknown;
        } | undefined)?.description);
        let message = describeRule(error);
        if (stryMutAct_9fa48("312") ? propertyName === undefined : stryMutAct_9fa48("311") ? false : stryMutAct_9fa48("310") ? true : (stryCov_9fa48("310", "311", "312"), propertyName !== undefined)) message = stryMutAct_9fa48("313") ? `` : (stryCov_9fa48("313"), `the name ${JSON.stringify(propertyName)} ${message}`);
        if (stryMutAct_9fa48("316") ? typeof hint !== "string" : stryMutAct_9fa48("315") ? false : stryMutAct_9fa48("314") ? true : (stryCov_9fa48("314", "315", "316"), typeof hint === (stryMutAct_9fa48("317") ? "" : (stryCov_9fa48("317"), "string")))) message += stryMutAct_9fa48("318") ? `` : (stryCov_9fa48("318"), ` (${hint})`);
        problems.push(stryMutAct_9fa48("319") ? {} : (stryCov_9fa48("319"), {
          path: jsonPath(segments),
          rule: error.keyword,
          message,
          ...locator.locate(segments)
        }));
      }
    }
    return problems;
  }
}
function isTimeZone(zone: string): boolean {
  if (stryMutAct_9fa48("320")) {
    {}
  } else {
    stryCov_9fa48("320");
    try {
      if (stryMutAct_9fa48("321")) {
        {}
      } else {
        stryCov_9fa48("321");
        new Intl.DateTimeFormat(stryMutAct_9fa48("322") ? "" : (stryCov_9fa48("322"), "en-US"), stryMutAct_9fa48("323") ? {} : (stryCov_9fa48("323"), {
          timeZone: zone
        }));
        return stryMutAct_9fa48("324") ? false : (stryCov_9fa48("324"), true);
      }
    } catch {
      if (stryMutAct_9fa48("325")) {
        {}
      } else {
        stryCov_9fa48("325");
        return stryMutAct_9fa48("326") ? true : (stryCov_9fa48("326"), false);
      }
    }
  }
}

/** Rules across settings, checked once the shape is right. */
function crossProblems(config: ConfigFile, locator: Locator): ConfigProblem[] {
  if (stryMutAct_9fa48("327")) {
    {}
  } else {
    stryCov_9fa48("327");
    const problems: ConfigProblem[] = stryMutAct_9fa48("328") ? ["Stryker was here"] : (stryCov_9fa48("328"), []);
    const add = stryMutAct_9fa48("329") ? () => undefined : (stryCov_9fa48("329"), (() => {
      const add = (segments: Segment[], rule: string, message: string) => problems.push(stryMutAct_9fa48("330") ? {} : (stryCov_9fa48("330"), {
        path: jsonPath(segments),
        rule,
        message,
        ...locator.locate(segments)
      }));
      return add;
    })());
    for (const [name, tenant] of Object.entries(config.tenants)) {
      if (stryMutAct_9fa48("331")) {
        {}
      } else {
        stryCov_9fa48("331");
        const base: Segment[] = stryMutAct_9fa48("332") ? [] : (stryCov_9fa48("332"), [stryMutAct_9fa48("333") ? "" : (stryCov_9fa48("333"), "tenants"), name]);
        if (stryMutAct_9fa48("336") ? tenant.timeZone !== undefined || !isTimeZone(tenant.timeZone) : stryMutAct_9fa48("335") ? false : stryMutAct_9fa48("334") ? true : (stryCov_9fa48("334", "335", "336"), (stryMutAct_9fa48("338") ? tenant.timeZone === undefined : stryMutAct_9fa48("337") ? true : (stryCov_9fa48("337", "338"), tenant.timeZone !== undefined)) && (stryMutAct_9fa48("339") ? isTimeZone(tenant.timeZone) : (stryCov_9fa48("339"), !isTimeZone(tenant.timeZone))))) {
          if (stryMutAct_9fa48("340")) {
            {}
          } else {
            stryCov_9fa48("340");
            add(stryMutAct_9fa48("341") ? [] : (stryCov_9fa48("341"), [...base, stryMutAct_9fa48("342") ? "" : (stryCov_9fa48("342"), "timeZone")]), stryMutAct_9fa48("343") ? "" : (stryCov_9fa48("343"), "timeZone"), stryMutAct_9fa48("344") ? `` : (stryCov_9fa48("344"), `${JSON.stringify(tenant.timeZone)} is not an IANA time zone this runtime knows`));
          }
        }
        const queues = stryMutAct_9fa48("345") ? tenant.queues && {} : (stryCov_9fa48("345"), tenant.queues ?? {});
        for (const [agentId, agent] of Object.entries(stryMutAct_9fa48("346") ? tenant.agents && {} : (stryCov_9fa48("346"), tenant.agents ?? {}))) {
          if (stryMutAct_9fa48("347")) {
            {}
          } else {
            stryCov_9fa48("347");
            agent.queues.forEach((queueId, i) => {
              if (stryMutAct_9fa48("348")) {
                {}
              } else {
                stryCov_9fa48("348");
                if (stryMutAct_9fa48("351") ? false : stryMutAct_9fa48("350") ? true : stryMutAct_9fa48("349") ? Object.hasOwn(queues, queueId) : (stryCov_9fa48("349", "350", "351"), !Object.hasOwn(queues, queueId))) {
                  if (stryMutAct_9fa48("352")) {
                    {}
                  } else {
                    stryCov_9fa48("352");
                    add(stryMutAct_9fa48("353") ? [] : (stryCov_9fa48("353"), [...base, stryMutAct_9fa48("354") ? "" : (stryCov_9fa48("354"), "agents"), agentId, stryMutAct_9fa48("355") ? "" : (stryCov_9fa48("355"), "queues"), i]), stryMutAct_9fa48("356") ? "" : (stryCov_9fa48("356"), "reference"), stryMutAct_9fa48("357") ? `` : (stryCov_9fa48("357"), `queue ${JSON.stringify(queueId)} is not one of the tenant's queues`));
                  }
                }
              }
            });
          }
        }
        if (stryMutAct_9fa48("360") ? tenant.defaultDialPlan !== undefined || !Object.hasOwn(tenant.dialPlans ?? {}, tenant.defaultDialPlan) : stryMutAct_9fa48("359") ? false : stryMutAct_9fa48("358") ? true : (stryCov_9fa48("358", "359", "360"), (stryMutAct_9fa48("362") ? tenant.defaultDialPlan === undefined : stryMutAct_9fa48("361") ? true : (stryCov_9fa48("361", "362"), tenant.defaultDialPlan !== undefined)) && (stryMutAct_9fa48("363") ? Object.hasOwn(tenant.dialPlans ?? {}, tenant.defaultDialPlan) : (stryCov_9fa48("363"), !Object.hasOwn(stryMutAct_9fa48("364") ? tenant.dialPlans && {} : (stryCov_9fa48("364"), tenant.dialPlans ?? {}), tenant.defaultDialPlan))))) {
          if (stryMutAct_9fa48("365")) {
            {}
          } else {
            stryCov_9fa48("365");
            add(stryMutAct_9fa48("366") ? [] : (stryCov_9fa48("366"), [...base, stryMutAct_9fa48("367") ? "" : (stryCov_9fa48("367"), "defaultDialPlan")]), stryMutAct_9fa48("368") ? "" : (stryCov_9fa48("368"), "reference"), stryMutAct_9fa48("369") ? `` : (stryCov_9fa48("369"), `dial plan ${JSON.stringify(tenant.defaultDialPlan)} is not one of the tenant's dialPlans`));
          }
        }
        (stryMutAct_9fa48("370") ? tenant.allowedBackOrigins && [] : (stryCov_9fa48("370"), tenant.allowedBackOrigins ?? (stryMutAct_9fa48("371") ? ["Stryker was here"] : (stryCov_9fa48("371"), [])))).forEach((entry, i) => {
          if (stryMutAct_9fa48("372")) {
            {}
          } else {
            stryCov_9fa48("372");
            if (stryMutAct_9fa48("375") ? parseOriginPattern(entry) !== undefined : stryMutAct_9fa48("374") ? false : stryMutAct_9fa48("373") ? true : (stryCov_9fa48("373", "374", "375"), parseOriginPattern(entry) === undefined)) {
              if (stryMutAct_9fa48("376")) {
                {}
              } else {
                stryCov_9fa48("376");
                add(stryMutAct_9fa48("377") ? [] : (stryCov_9fa48("377"), [...base, stryMutAct_9fa48("378") ? "" : (stryCov_9fa48("378"), "allowedBackOrigins"), i]), stryMutAct_9fa48("379") ? "" : (stryCov_9fa48("379"), "origin"), stryMutAct_9fa48("380") ? `` : (stryCov_9fa48("380"), `${JSON.stringify(entry)} is not an origin like http://www.example.com or http://localhost:*`));
              }
            }
          }
        });
      }
    }
    return problems;
  }
}

/** Checks a parsed value; `text` (the file's content) only serves to point at lines. */
export function validateConfig(value: unknown, file: string, text?: string): ConfigFile {
  if (stryMutAct_9fa48("381")) {
    {}
  } else {
    stryCov_9fa48("381");
    const lines = new LineCounter();
    let doc: Document.Parsed | undefined;
    if (stryMutAct_9fa48("384") ? text === undefined : stryMutAct_9fa48("383") ? false : stryMutAct_9fa48("382") ? true : (stryCov_9fa48("382", "383", "384"), text !== undefined)) {
      if (stryMutAct_9fa48("385")) {
        {}
      } else {
        stryCov_9fa48("385");
        const parsed = parseDocument(text, stryMutAct_9fa48("386") ? {} : (stryCov_9fa48("386"), {
          lineCounter: lines
        }));
        doc = (stryMutAct_9fa48("389") ? parsed.errors.length !== 0 : stryMutAct_9fa48("388") ? false : stryMutAct_9fa48("387") ? true : (stryCov_9fa48("387", "388", "389"), parsed.errors.length === 0)) ? parsed : undefined;
      }
    }
    return check(value, file, new Locator(doc, lines));
  }
}

/** The schema, then the checks across fields, each problem placed by `locator`. */
function check(value: unknown, file: string, locator: Locator): ConfigFile {
  if (stryMutAct_9fa48("390")) {
    {}
  } else {
    stryCov_9fa48("390");
    const validate = validator();
    if (stryMutAct_9fa48("393") ? false : stryMutAct_9fa48("392") ? true : stryMutAct_9fa48("391") ? validate(value) : (stryCov_9fa48("391", "392", "393"), !validate(value))) throw new ConfigError(file, schemaProblems(stryMutAct_9fa48("394") ? validate.errors && [] : (stryCov_9fa48("394"), validate.errors ?? (stryMutAct_9fa48("395") ? ["Stryker was here"] : (stryCov_9fa48("395"), []))), value, locator));
    const config = value as ConfigFile;
    const problems = crossProblems(config, locator);
    if (stryMutAct_9fa48("399") ? problems.length <= 0 : stryMutAct_9fa48("398") ? problems.length >= 0 : stryMutAct_9fa48("397") ? false : stryMutAct_9fa48("396") ? true : (stryCov_9fa48("396", "397", "398", "399"), problems.length > 0)) throw new ConfigError(file, problems);
    return config;
  }
}

/** Parses YAML or JSON (by extension; YAML otherwise, which also reads JSON). */
export function parseConfigText(text: string, file: string): ConfigFile {
  if (stryMutAct_9fa48("400")) {
    {}
  } else {
    stryCov_9fa48("400");
    if (stryMutAct_9fa48("403") ? extname(file).toLowerCase() !== ".json" : stryMutAct_9fa48("402") ? false : stryMutAct_9fa48("401") ? true : (stryCov_9fa48("401", "402", "403"), (stryMutAct_9fa48("404") ? extname(file).toUpperCase() : (stryCov_9fa48("404"), extname(file).toLowerCase())) === (stryMutAct_9fa48("405") ? "" : (stryCov_9fa48("405"), ".json")))) {
      if (stryMutAct_9fa48("406")) {
        {}
      } else {
        stryCov_9fa48("406");
        let value: unknown;
        try {
          if (stryMutAct_9fa48("407")) {
            {}
          } else {
            stryCov_9fa48("407");
            value = JSON.parse(text);
          }
        } catch (error) {
          if (stryMutAct_9fa48("408")) {
            {}
          } else {
            stryCov_9fa48("408");
            throw new ConfigError(file, stryMutAct_9fa48("409") ? [] : (stryCov_9fa48("409"), [stryMutAct_9fa48("410") ? {} : (stryCov_9fa48("410"), {
              path: stryMutAct_9fa48("411") ? "" : (stryCov_9fa48("411"), "$"),
              rule: stryMutAct_9fa48("412") ? "" : (stryCov_9fa48("412"), "syntax"),
              message: stryMutAct_9fa48("413") ? `` : (stryCov_9fa48("413"), `not valid JSON: ${(error as Error).message}`)
            })]));
          }
        }
        return validateConfig(value, file, text);
      }
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, stryMutAct_9fa48("414") ? {} : (stryCov_9fa48("414"), {
      lineCounter: lines,
      uniqueKeys: stryMutAct_9fa48("415") ? false : (stryCov_9fa48("415"), true),
      prettyErrors: stryMutAct_9fa48("416") ? false : (stryCov_9fa48("416"), true)
    }));
    if (stryMutAct_9fa48("420") ? doc.errors.length <= 0 : stryMutAct_9fa48("419") ? doc.errors.length >= 0 : stryMutAct_9fa48("418") ? false : stryMutAct_9fa48("417") ? true : (stryCov_9fa48("417", "418", "419", "420"), doc.errors.length > 0)) {
      if (stryMutAct_9fa48("421")) {
        {}
      } else {
        stryCov_9fa48("421");
        throw new ConfigError(file, doc.errors.map(error => {
          if (stryMutAct_9fa48("422")) {
            {}
          } else {
            stryCov_9fa48("422");
            const pos = stryMutAct_9fa48("423") ? error.linePos[0] : (stryCov_9fa48("423"), error.linePos?.[0]);
            // The pretty message repeats the position and quotes the line; the position is ours to show.
            const message = stryMutAct_9fa48("424") ? `` : (stryCov_9fa48("424"), `not valid YAML: ${(stryMutAct_9fa48("425") ? error.message.split("\n")[0] && "" : (stryCov_9fa48("425"), error.message.split(stryMutAct_9fa48("426") ? "" : (stryCov_9fa48("426"), "\n"))[0] ?? (stryMutAct_9fa48("427") ? "Stryker was here!" : (stryCov_9fa48("427"), "")))).replace(stryMutAct_9fa48("433") ? / at line \d+, column \d+:$/ : stryMutAct_9fa48("432") ? / at line \d+, column \D+:?$/ : stryMutAct_9fa48("431") ? / at line \d+, column \d:?$/ : stryMutAct_9fa48("430") ? / at line \D+, column \d+:?$/ : stryMutAct_9fa48("429") ? / at line \d, column \d+:?$/ : stryMutAct_9fa48("428") ? / at line \d+, column \d+:?/ : (stryCov_9fa48("428", "429", "430", "431", "432", "433"), / at line \d+, column \d+:?$/), stryMutAct_9fa48("434") ? "Stryker was here!" : (stryCov_9fa48("434"), ""))}`);
            return (stryMutAct_9fa48("437") ? pos !== undefined : stryMutAct_9fa48("436") ? false : stryMutAct_9fa48("435") ? true : (stryCov_9fa48("435", "436", "437"), pos === undefined)) ? stryMutAct_9fa48("438") ? {} : (stryCov_9fa48("438"), {
              path: stryMutAct_9fa48("439") ? "" : (stryCov_9fa48("439"), "$"),
              rule: stryMutAct_9fa48("440") ? "" : (stryCov_9fa48("440"), "syntax"),
              message
            }) : stryMutAct_9fa48("441") ? {} : (stryCov_9fa48("441"), {
              path: stryMutAct_9fa48("442") ? "" : (stryCov_9fa48("442"), "$"),
              rule: stryMutAct_9fa48("443") ? "" : (stryCov_9fa48("443"), "syntax"),
              message,
              line: pos.line,
              column: pos.col
            });
          }
        }));
      }
    }
    // The document parsed here also places the problems: no second parse.
    return check(doc.toJS(stryMutAct_9fa48("444") ? {} : (stryCov_9fa48("444"), {
      maxAliasCount: 100
    })), file, new Locator(doc, lines));
  }
}

/** Reads and checks a configuration file; throws ConfigError naming every mistake. */
export async function loadConfigFile(file: string): Promise<ConfigFile> {
  if (stryMutAct_9fa48("445")) {
    {}
  } else {
    stryCov_9fa48("445");
    let text: string;
    try {
      if (stryMutAct_9fa48("446")) {
        {}
      } else {
        stryCov_9fa48("446");
        text = await readFile(file, stryMutAct_9fa48("447") ? "" : (stryCov_9fa48("447"), "utf8"));
      }
    } catch (error) {
      if (stryMutAct_9fa48("448")) {
        {}
      } else {
        stryCov_9fa48("448");
        throw new ConfigError(file, stryMutAct_9fa48("449") ? [] : (stryCov_9fa48("449"), [stryMutAct_9fa48("450") ? {} : (stryCov_9fa48("450"), {
          path: stryMutAct_9fa48("451") ? "" : (stryCov_9fa48("451"), "$"),
          rule: stryMutAct_9fa48("452") ? "" : (stryCov_9fa48("452"), "readable"),
          message: stryMutAct_9fa48("453") ? `` : (stryCov_9fa48("453"), `cannot read the file: ${(error as Error).message}`)
        })]));
      }
    }
    return parseConfigText(text, file);
  }
}
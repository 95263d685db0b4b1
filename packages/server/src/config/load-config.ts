// Reads a configuration file (YAML or JSON), checks it against the JSON Schema and the
// rules a schema cannot say (references, time zones, origins), and names every mistake
// by file, line, path and rule.
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parseOriginPattern } from "@webcallback/core";
import { Ajv, type ErrorObject } from "ajv";
import { type Document, isMap, isNode, isScalar, isSeq, LineCounter, type Node, parseDocument, type Scalar } from "yaml";
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

  constructor(
    readonly file: string,
    problems: readonly ConfigProblem[],
  ) {
    // In the file's order, so the list reads top to bottom.
    problems = [...problems].sort(
      (a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER) || (a.column ?? 0) - (b.column ?? 0),
    );
    super(`invalid configuration file ${file}:\n${problems.map((p) => `  ${formatProblem(file, p)}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

export function formatProblem(file: string, problem: ConfigProblem): string {
  const at = problem.line === undefined ? file : `${file}:${problem.line}:${problem.column ?? 1}`;
  return `${at}: ${problem.path}: ${problem.message} (rule: ${problem.rule})`;
}

type Segment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `$.a.b[0]["odd key"]` from path segments. */
export function jsonPath(segments: readonly Segment[]): string {
  let out = "$";
  for (const segment of segments) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: a number is no identifier and JSON.stringify writes it bare, so the other branch gives [n] too
    if (typeof segment === "number") out += `[${segment}]`;
    else out += IDENTIFIER.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
  }
  return out;
}

/** Ajv's JSON Pointer as segments, array indexes as numbers (told apart by the data). */
function segmentsOf(pointer: string, data: unknown): Segment[] {
  if (pointer === "") return [];
  const segments: Segment[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) {
      const index = Number(key);
      segments.push(index);
      node = node[index];
    } else {
      segments.push(key);
      // Stryker disable next-line ConditionalExpression,LogicalOperator: Ajv's instancePath only passes through objects and arrays; the guard is for the type
      node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return segments;
}

/** Where a path sits in the YAML (or JSON) text: the key of a map entry, or the item of a list. */
class Locator {
  constructor(
    private readonly doc: Document.Parsed | undefined,
    private readonly lines: LineCounter,
  ) {}

  locate(segments: readonly Segment[]): { line: number; column: number } | undefined {
    if (this.doc === undefined) return undefined;
    let node: unknown = this.doc.contents;
    // The deepest node of the path the text has: a map's key or a list's item (an alias too), else the document's map or list.
    let found: Node | undefined = isMap(node) || isSeq(node) ? node : undefined;
    for (const segment of segments) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
        if (pair === undefined) break;
        // Found by its key, which is a scalar.
        found = pair.key as Scalar;
        node = pair.value;
      } else if (isSeq(node)) {
        // Stryker disable next-line ConditionalExpression: a name finds no item in a list, so `true` stops here as well
        const item = typeof segment === "number" ? node.items[segment] : undefined;
        if (!isNode(item)) break;
        found = item;
        node = item;
      } else {
        // The text has no deeper node (an early exit: walking on would change nothing).
        break;
      }
    }
    // Stryker disable next-line OptionalChaining: a parsed node always has its range
    const offset = found?.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}

let compiled: ReturnType<Ajv["compile"]> | undefined;

function validator(): ReturnType<Ajv["compile"]> {
  // Numbers where ids are expected (`queue: 103` in YAML) become strings, as written.
  // Stryker disable next-line BooleanLiteral: cache: compiled once per process, before a mutant here could be switched on
  compiled ??= new Ajv({ allErrors: true, strict: true, verbose: true, coerceTypes: true }).compile(CONFIG_SCHEMA);
  return compiled;
}

function describeRule(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "enum":
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "additionalProperties":
      return "is not a known setting";
    case "required":
      return `must have the setting ${JSON.stringify(params.missingProperty)}`;
    default:
      return error.message ?? error.keyword;
  }
}

function schemaProblems(errors: readonly ErrorObject[], data: unknown, locator: Locator): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const error of errors) {
    // Reported by the inner error on the property name itself.
    if (error.keyword === "propertyNames") continue;
    const params = error.params as Record<string, unknown>;
    const segments = segmentsOf(error.instancePath, data);
    if (error.keyword === "additionalProperties") segments.push(String(params.additionalProperty));
    const propertyName = error.propertyName;
    if (propertyName !== undefined) segments.push(propertyName);
    // Stryker disable next-line OptionalChaining: with verbose: true every error has its parentSchema
    const hint = (error.parentSchema as { description?: unknown } | undefined)?.description;
    let message = describeRule(error);
    if (propertyName !== undefined) message = `the name ${JSON.stringify(propertyName)} ${message}`;
    if (typeof hint === "string") message += ` (${hint})`;
    problems.push({ path: jsonPath(segments), rule: error.keyword, message, ...locator.locate(segments) });
  }
  return problems;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    return false;
  }
  return true;
}

/** Rules across settings, checked once the shape is right. */
function crossProblems(config: ConfigFile, locator: Locator): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (segments: Segment[], rule: string, message: string) =>
    problems.push({ path: jsonPath(segments), rule, message, ...locator.locate(segments) });
  for (const [name, tenant] of Object.entries(config.tenants)) {
    const base: Segment[] = ["tenants", name];
    // Stryker disable next-line ConditionalExpression: Intl takes an undefined zone for its default, so `true` finds no problem either (drops the killed ones beside it)
    if (tenant.timeZone !== undefined && !isTimeZone(tenant.timeZone)) {
      add([...base, "timeZone"], "timeZone", `${JSON.stringify(tenant.timeZone)} is not an IANA time zone this runtime knows`);
    }
    const queues = tenant.queues ?? {};
    for (const [agentId, agent] of Object.entries(tenant.agents ?? {})) {
      agent.queues.forEach((queueId, i) => {
        if (!Object.hasOwn(queues, queueId)) {
          add([...base, "agents", agentId, "queues", i], "reference", `queue ${JSON.stringify(queueId)} is not one of the tenant's queues`);
        }
      });
    }
    if (tenant.defaultDialPlan !== undefined && !Object.hasOwn(tenant.dialPlans ?? {}, tenant.defaultDialPlan)) {
      add(
        [...base, "defaultDialPlan"],
        "reference",
        `dial plan ${JSON.stringify(tenant.defaultDialPlan)} is not one of the tenant's dialPlans`,
      );
    }
    (tenant.allowedBackOrigins ?? []).forEach((entry, i) => {
      if (parseOriginPattern(entry) === undefined) {
        add(
          [...base, "allowedBackOrigins", i],
          "origin",
          `${JSON.stringify(entry)} is not an origin like http://www.example.com or http://localhost:*`,
        );
      }
    });
  }
  return problems;
}

/** Checks a parsed value; `text` (the file's content) only serves to point at lines. */
export function validateConfig(value: unknown, file: string, text?: string): ConfigFile {
  const lines = new LineCounter();
  let doc: Document.Parsed | undefined;
  if (text !== undefined) {
    const parsed = parseDocument(text, { lineCounter: lines });
    doc = parsed.errors.length === 0 ? parsed : undefined;
  }
  return check(value, file, new Locator(doc, lines));
}

/** The schema, then the checks across fields, each problem placed by `locator`. */
function check(value: unknown, file: string, locator: Locator): ConfigFile {
  const validate = validator();
  // Stryker disable next-line ArrayDeclaration: Ajv sets errors whenever validation fails
  if (!validate(value)) throw new ConfigError(file, schemaProblems(validate.errors ?? [], value, locator));
  const config = value as ConfigFile;
  const problems = crossProblems(config, locator);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return config;
}

/** Parses YAML or JSON (by extension; YAML otherwise, which also reads JSON). */
export function parseConfigText(text: string, file: string): ConfigFile {
  if (extname(file).toLowerCase() === ".json") {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(file, [{ path: "$", rule: "syntax", message: `not valid JSON: ${(error as Error).message}` }]);
    }
    return validateConfig(value, file, text);
  }
  const lines = new LineCounter();
  // Plain messages: a pretty one repeats the position and quotes the line, and the position is ours to show.
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return { path: "$", rule: "syntax", message: `not valid YAML: ${error.message}`, line, column: col };
      }),
    );
  }
  // The document parsed here also places the problems: no second parse.
  // Stryker disable next-line ObjectLiteral: 100 is also the yaml library's default
  return check(doc.toJS({ maxAliasCount: 100 }), file, new Locator(doc, lines));
}

/** Reads and checks a configuration file; throws ConfigError naming every mistake. */
export async function loadConfigFile(file: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new ConfigError(file, [{ path: "$", rule: "readable", message: `cannot read the file: ${(error as Error).message}` }]);
  }
  return parseConfigText(text, file);
}

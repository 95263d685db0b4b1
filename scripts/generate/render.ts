// One renderer per generated module: each reads one part of the bundled document.

interface Schema {
  type?: string | string[];
  pattern?: string;
  enum?: unknown[];
  maxLength?: number;
  required?: string[];
  allOf?: Schema[];
  if?: Schema;
  then?: Schema;
  const?: unknown;
  properties?: Record<string, Schema>;
  "x-values"?: unknown[];
  "x-callback-type"?: string;
  $ref?: string;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

interface ErrorEntry {
  code: number;
  name: string;
  message: string;
  status: number;
  extension?: boolean;
  retryAfter?: boolean;
  alwaysJson?: boolean;
}

interface CheckStep {
  step: number;
  rule: string;
  when?: string;
  codes: number[];
}

interface TokenEntry {
  name: string;
  description: string;
  format: string;
}

interface Example {
  summary?: string;
  description?: string;
  value: unknown;
  "x-request"?: Record<string, string>;
}

interface Server {
  url: string;
  description?: string;
  "x-region"?: string;
}

interface Header {
  description?: string;
  schema?: Schema;
}

interface CorsHeader {
  header: string;
  value: string;
  sentOn: (typeof SENT_ON)[number];
}

/** Where a row of x-webcallback-cors goes: on every answer to an allowed Origin, or on a preflight's answer. */
const SENT_ON = ["answers", "preflight"] as const;

export interface OpenApiDocument {
  servers?: Server[];
  paths: Record<string, { post?: { requestBody?: { "x-max-bytes"?: number; "x-readable-charsets"?: string[] } } }>;
  components: {
    parameters: Record<string, Parameter>;
    schemas: Record<string, Schema>;
    examples: Record<string, Example>;
    headers?: Record<string, Header>;
  };
  "x-webcallback-cors"?: CorsHeader[];
  "x-webcallback-errors": ErrorEntry[];
  "x-webcallback-order-of-checks": CheckStep[];
  "x-webcallback-tokens": TokenEntry[];
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`openapi/webcallback.yaml: ${what} is missing`);
  return value;
}

export function renderCatalogue(doc: OpenApiDocument): string {
  const errors = need(doc["x-webcallback-errors"], "x-webcallback-errors");
  const order = need(doc["x-webcallback-order-of-checks"], "x-webcallback-order-of-checks");
  const known = new Set(errors.map((e) => e.code));
  // An unquoted comma in a flow mapping silently splits a rule into extra keys: refuse any.
  const stepKeys = new Set(["step", "rule", "when", "codes"]);
  for (const step of order) {
    const extra = Object.keys(step).filter((key) => !stepKeys.has(key));
    if (extra.length > 0 || typeof step.rule !== "string") {
      throw new Error(
        `x-webcallback-order-of-checks step ${step.step}: unexpected keys ${JSON.stringify(extra)} or a rule that is not text`,
      );
    }
    for (const code of step.codes) {
      if (!known.has(code)) throw new Error(`x-webcallback-order-of-checks step ${step.step} names unknown code ${code}`);
    }
  }
  const names = Object.fromEntries(errors.map((e) => [e.name, e.code]));
  const entries = Object.fromEntries(
    errors.map((e) => [
      e.code,
      {
        code: e.code,
        name: e.name,
        message: e.message,
        httpStatus: e.status,
        extension: e.extension === true,
        retryAfter: e.retryAfter === true,
        alwaysJson: e.alwaysJson === true,
      },
    ]),
  );
  const steps = order.map((s) => ({ step: s.step, rule: s.rule, ...(s.when ? { when: s.when } : {}), codes: s.codes }));
  return `/** Every ctl_error code by name (x-webcallback-errors). */
export const CTL_ERROR = ${json(names)} as const;

export type CtlErrorName = keyof typeof CTL_ERROR;
export type CtlErrorCode = (typeof CTL_ERROR)[CtlErrorName];

export interface CtlErrorEntry {
  readonly code: CtlErrorCode;
  readonly name: CtlErrorName;
  readonly message: string;
  readonly httpStatus: number;
  /** A code of ours (100 or more), not of the seed. */
  readonly extension: boolean;
  /** The answer carries Retry-After. */
  readonly retryAfter: boolean;
  /** Answered in JSON even when back would allow a redirect. */
  readonly alwaysJson: boolean;
}

export const CATALOGUE: { readonly [Code in CtlErrorCode]: CtlErrorEntry } = ${json(entries)};

/** Each code's message and HTTP status alone: the small table a browser bundle carries. */
export const CTL_ERROR_MESSAGES: { readonly [Code in CtlErrorCode]: readonly [message: string, httpStatus: number] } = ${json(
    Object.fromEntries(errors.map((e) => [e.code, [e.message, e.status]])),
  )};

export interface CheckStep {
  readonly step: number;
  readonly rule: string;
  /** The callback_type the step applies to, when only one. */
  readonly when?: "1" | "2";
  /** In the order they are checked within the step. */
  readonly codes: readonly CtlErrorCode[];
}

/** The order of checks (x-webcallback-order-of-checks): the first failure wins. */
export const ORDER_OF_CHECKS: readonly CheckStep[] = ${json(steps)};
`;
}

function schemaOf(doc: OpenApiDocument, name: string): Schema {
  return need(doc.components.schemas[name], `components.schemas.${name}`);
}

function requiredByType(request: Schema): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const rule of request.allOf ?? []) {
    const type = rule["x-callback-type"];
    if (typeof type === "string" && rule.then?.required) out[type] = rule.then.required;
  }
  return out;
}

// The document's patterns read raw values, so they allow the white space the server trims:
// `^\s*(?:RULE)\s*$` (required) or `^\s*(?:RULE)?\s*$` (blank is absent). Code tests trimmed values.
const RAW_PREFIX = "^\\s*(?:";
const RAW_SUFFIXES = [")\\s*$", ")?\\s*$"];

function trimmedRule(pattern: string, where: string): string {
  const suffix = RAW_SUFFIXES.find((end) => pattern.endsWith(end));
  if (!pattern.startsWith(RAW_PREFIX) || suffix === undefined) {
    throw new Error(
      `openapi/webcallback.yaml: ${where} must read ${RAW_PREFIX}RULE${RAW_SUFFIXES[0]} or ${RAW_PREFIX}RULE${RAW_SUFFIXES[1]}`,
    );
  }
  return `^(?:${pattern.slice(RAW_PREFIX.length, pattern.length - suffix.length)})$`;
}

function callbackTypes(schema: Schema): string[] {
  const values = need(schema["x-values"], "CallbackType.x-values");
  const pattern = new RegExp(need(schema.pattern, "CallbackType.pattern"));
  for (const value of values) {
    if (typeof value !== "string" || !pattern.test(value))
      throw new Error(`CallbackType.x-values: ${JSON.stringify(value)} breaks its pattern`);
  }
  return values as string[];
}

export function renderRules(doc: OpenApiDocument): string {
  const parameters = Object.values(doc.components.parameters).map((p) => ({ name: p.name, required: p.required === true }));
  const phone = trimmedRule(need(schemaOf(doc, "Phone").pattern, "Phone.pattern"), "Phone.pattern");
  const numeric = trimmedRule(need(schemaOf(doc, "Numeric").pattern, "Numeric.pattern"), "Numeric.pattern");
  const dialplan = trimmedRule(need(schemaOf(doc, "DialplanId").pattern, "DialplanId.pattern"), "DialplanId.pattern");
  const types = callbackTypes(schemaOf(doc, "CallbackType"));
  const extMax = need(schemaOf(doc, "ExtTransactionData").maxLength, "ExtTransactionData.maxLength");
  const [endpoint, operations] = need(Object.entries(doc.paths)[0], "paths");
  const maxBytes = need(operations.post?.requestBody?.["x-max-bytes"], `paths.${endpoint}.post.requestBody.x-max-bytes`);
  const charsets = need(operations.post?.requestBody?.["x-readable-charsets"], `paths.${endpoint}.post.requestBody.x-readable-charsets`);
  return `/** The API's one path. */
export const ENDPOINT_PATH = ${JSON.stringify(endpoint)};

/** paths.${endpoint}.post.requestBody.x-max-bytes: larger bodies are refused (413, ctl_error 107). */
export const BODY_LIMIT_BYTES = ${maxBytes};

/** paths.${endpoint}.post.requestBody.x-readable-charsets: a form naming another charset is refused (415, ctl_error 108). */
export const READABLE_CHARSETS = ${JSON.stringify(charsets.map((c) => c.toLowerCase()))} as const;

/** Every parameter of the request, in the document's order. */
export const PARAMETERS = ${json(parameters)} as const;

export type ParameterName = (typeof PARAMETERS)[number]["name"];

/** components.schemas.Phone.pattern, for a trimmed value. */
export const PHONE_PATTERN = new RegExp(${JSON.stringify(phone)});

/** components.schemas.Numeric.pattern, for a trimmed value: callback_delay and expiration. */
export const NUMERIC_PATTERN = new RegExp(${JSON.stringify(numeric)});

/** components.schemas.DialplanId.pattern, for a trimmed value. */
export const DIALPLAN_ID_PATTERN = new RegExp(${JSON.stringify(dialplan)});

/** components.schemas.CallbackType.x-values */
export const CALLBACK_TYPES = ${JSON.stringify(types)} as const;

/** components.schemas.ExtTransactionData.maxLength, in Unicode code points. */
export const EXT_TRANSACTION_DATA_MAX_LENGTH = ${extMax};

/** components.schemas.CallbackRequest: what each callback_type requires besides the always-required parameters. */
export const REQUIRED_BY_CALLBACK_TYPE = ${json(requiredByType(schemaOf(doc, "CallbackRequest")))} as const;
`;
}

/** The keys of a path item that are operations (the others are its summary, parameters and so on). */
const HTTP_METHODS: ReadonlySet<string> = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/** Lower-case header names and their values, from the rows of x-webcallback-cors sent on `sentOn`. */
function corsRows(rows: readonly CorsHeader[], sentOn: CorsHeader["sentOn"]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.sentOn === sentOn).map((row) => [row.header.toLowerCase(), row.value]));
}

export function renderHeaders(doc: OpenApiDocument): string {
  const echo = need(doc.components.headers?.RequestId?.schema?.pattern, "components.headers.RequestId.schema.pattern");
  const cors = need(doc["x-webcallback-cors"], "x-webcallback-cors");
  for (const row of cors) {
    if (!SENT_ON.includes(row.sentOn)) {
      throw new Error(`x-webcallback-cors ${row.header}: sentOn is ${JSON.stringify(row.sentOn)}, not one of ${SENT_ON.join(", ")}`);
    }
  }
  const [endpoint, pathItem] = need(Object.entries(doc.paths)[0], "paths");
  const methods = Object.keys(pathItem)
    .filter((key) => HTTP_METHODS.has(key) && key !== "options")
    .map((method) => method.toUpperCase());
  const answers = corsRows(cors, "answers");
  const preflight = corsRows(cors, "preflight");
  // A browser may only be told of the methods the document defines.
  if (preflight["access-control-allow-methods"] !== methods.join(", ")) {
    throw new Error(
      `x-webcallback-cors: Access-Control-Allow-Methods is ${JSON.stringify(preflight["access-control-allow-methods"])}; paths.${endpoint} defines ${methods.join(", ")}`,
    );
  }
  // OPTIONS is the browser's preflight, which the document describes in prose rather than as an operation.
  const allow = [...methods, "OPTIONS"].join(", ");
  return `/** components.headers.RequestId.schema.pattern: an X-Request-Id the service echoes as given; any other, or none, gets one of its own. */
export const SAFE_REQUEST_ID = new RegExp(${JSON.stringify(echo)});

/** The Allow header of the endpoint's answers to OPTIONS and to a method it does not take. */
export const ENDPOINT_ALLOW = ${JSON.stringify(allow)};

/** x-webcallback-cors, sent on answers: besides Vary and Access-Control-Allow-Origin, what every answer to an allowed origin carries. */
export const CORS_ANSWER_HEADERS: Readonly<Record<string, string>> = ${json(answers)};

/** x-webcallback-cors, sent on preflight: the headers of a preflight's answer for an allowed origin. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = ${json(preflight)};
`;
}

export function renderExamples(doc: OpenApiDocument): string {
  const requests: Record<string, { summary: string; value: unknown }> = {};
  const errors: { name: string; code: number; request: Record<string, string> | null; body: unknown }[] = [];
  for (const [name, example] of Object.entries(doc.components.examples)) {
    const value = example.value as { ctl_error?: number };
    if (typeof value?.ctl_error === "number") {
      errors.push({ name, code: value.ctl_error, request: example["x-request"] ?? null, body: value });
    } else {
      requests[name] = { summary: example.summary ?? name, value };
    }
  }
  return `/** The seed's example requests (components.examples). */
export const REQUEST_EXAMPLES = ${json(requests)} as const;

/** One example per error code: the answer and, where a request alone can provoke it, that request. */
export const ERROR_EXAMPLES = ${json(errors)} as const;
`;
}

/** `isTokenName` asks the compiled grammar: a name its Token rule cannot match could never be written. */
export function renderTokens(doc: OpenApiDocument, isTokenName: (name: string) => boolean): string {
  const tokens = need(doc["x-webcallback-tokens"], "x-webcallback-tokens");
  const seen = new Set<string>();
  for (const token of tokens) {
    if (typeof token.name !== "string" || !isTokenName(token.name)) {
      throw new Error(`x-webcallback-tokens: ${JSON.stringify(token.name)} is not a token name`);
    }
    if (seen.has(token.name)) throw new Error(`x-webcallback-tokens: ${token.name} is listed twice`);
    seen.add(token.name);
    for (const field of ["description", "format"] as const) {
      if (typeof token[field] !== "string" || token[field].length === 0) {
        throw new Error(`x-webcallback-tokens: ${token.name} needs a ${field}`);
      }
    }
  }
  const names = tokens.map((t) => t.name);
  const entries = Object.fromEntries(tokens.map((t) => [t.name, { description: t.description, format: t.format }]));
  return `/** Every \`$token$\` name a user-data value may carry (x-webcallback-tokens), in the document's order. */
export const TOKEN_NAMES = ${json(names)} as const;

export type TokenName = (typeof TOKEN_NAMES)[number];

export interface TokenEntry {
  readonly description: string;
  /** What the token is replaced with, exactly. */
  readonly format: string;
}

export const TOKENS: { readonly [Name in TokenName]: TokenEntry } = ${json(entries)};
`;
}

/** Every server of the document under its `x-region` name, the client's `region` option. */
export function renderServers(doc: OpenApiDocument): string {
  const servers = need(doc.servers, "servers");
  const regions: Record<string, string> = {};
  for (const server of servers) {
    const region = server["x-region"];
    if (typeof region !== "string" || !/^[a-z][a-z0-9-]*$/.test(region)) {
      throw new Error(`servers: ${server.url} needs an x-region name of lower-case letters, digits and -`);
    }
    if (regions[region] !== undefined) throw new Error(`servers: x-region ${region} is used twice`);
    regions[region] = server.url.replace(/\/+$/, "");
  }
  return `/** The base URL of each of the document's servers by its x-region name, in the document's order. */
export const SERVERS = ${json(regions)} as const;

export type Region = keyof typeof SERVERS;
`;
}

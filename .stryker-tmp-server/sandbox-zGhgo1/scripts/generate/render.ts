// @ts-nocheck
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

export interface OpenApiDocument {
  paths: Record<string, { post?: { requestBody?: { "x-max-bytes"?: number } } }>;
  components: {
    parameters: Record<string, Parameter>;
    schemas: Record<string, Schema>;
    examples: Record<string, Example>;
  };
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
    const type = rule.if?.properties?.callback_type?.const;
    if (typeof type === "string" && rule.then?.required) out[type] = rule.then.required;
  }
  return out;
}

export function renderRules(doc: OpenApiDocument): string {
  const parameters = Object.values(doc.components.parameters).map((p) => ({ name: p.name, required: p.required === true }));
  const phone = need(schemaOf(doc, "Phone").pattern, "Phone.pattern");
  const numeric = need(schemaOf(doc, "Numeric").pattern, "Numeric.pattern");
  const dialplan = need(schemaOf(doc, "DialplanId").pattern, "DialplanId.pattern");
  const types = need(schemaOf(doc, "CallbackType").enum, "CallbackType.enum");
  const extMax = need(schemaOf(doc, "ExtTransactionData").maxLength, "ExtTransactionData.maxLength");
  const [endpoint, operations] = need(Object.entries(doc.paths)[0], "paths");
  const maxBytes = need(operations.post?.requestBody?.["x-max-bytes"], `paths.${endpoint}.post.requestBody.x-max-bytes`);
  return `/** The API's one path. */
export const ENDPOINT_PATH = ${JSON.stringify(endpoint)};

/** paths.${endpoint}.post.requestBody.x-max-bytes: larger bodies are refused (413, ctl_error 107). */
export const BODY_LIMIT_BYTES = ${maxBytes};

/** Every parameter of the request, in the document's order. */
export const PARAMETERS = ${json(parameters)} as const;

export type ParameterName = (typeof PARAMETERS)[number]["name"];

/** components.schemas.Phone.pattern */
export const PHONE_PATTERN = new RegExp(${JSON.stringify(phone)});

/** components.schemas.Numeric.pattern: callback_delay and expiration. */
export const NUMERIC_PATTERN = new RegExp(${JSON.stringify(numeric)});

/** components.schemas.DialplanId.pattern */
export const DIALPLAN_ID_PATTERN = new RegExp(${JSON.stringify(dialplan)});

/** components.schemas.CallbackType.enum */
export const CALLBACK_TYPES = ${JSON.stringify(types)} as const;

/** components.schemas.ExtTransactionData.maxLength, in Unicode code points. */
export const EXT_TRANSACTION_DATA_MAX_LENGTH = ${extMax};

/** components.schemas.CallbackRequest: what each callback_type requires besides the always-required parameters. */
export const REQUIRED_BY_CALLBACK_TYPE = ${json(requiredByType(schemaOf(doc, "CallbackRequest")))} as const;
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

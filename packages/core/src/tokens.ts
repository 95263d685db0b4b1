// `$token$` expansion in user-data values (CONTRACT.md section 4, x-webcallback-tokens):
// the facts of one finished call in, the values the result POST carries out.
import { TOKEN_NAMES, type TokenName } from "./generated/tokens.js";
import { type Pair, parseValue } from "./pairs.js";

/** One transaction code the agent selected. */
export interface TransactionCode {
  /** The transaction code list's name. */
  readonly list: string;
  readonly short: string;
  readonly description: string;
}

/** What is known about a call once it has ended. */
export interface CallFacts {
  readonly callerId: string;
  readonly transactionId: string;
  readonly interactionGuid: string;
  /** Milliseconds since the epoch; undefined when the call was not established. */
  readonly answeredAt: number | undefined;
  /** Milliseconds since the epoch; undefined when the call was not established. */
  readonly hungUpAt: number | undefined;
  /** In the order the agent selected them. */
  readonly transactionCodes: readonly TransactionCode[];
  readonly notes: string;
}

export interface TokenContext extends CallFacts {
  /** Milliseconds since the epoch: the delivery time, which the date-part tokens read. */
  readonly now: number;
  /** The tenant's IANA time zone, e.g. `America/Los_Angeles`. */
  readonly timeZone: string;
}

/** A wall-clock reading in one time zone, every field already zero-padded. */
interface LocalTime {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
  readonly second: string;
  /** `±HH:MM` */
  readonly offset: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

// Building a DateTimeFormat is costly next to using one; the cap bounds a cache keyed by caller input.
const FORMAT_CACHE_LIMIT = 1000;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  // Stryker disable next-line ConditionalExpression: cache: a hit and a new DateTimeFormat format alike
  if (format === undefined) {
    // h23 because hour12:false can print midnight as "24" on some ICU versions.
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    // Stryker disable next-line ConditionalExpression,EqualityOperator: cache bound: when it is cleared changes no answer
    if (formats.size >= FORMAT_CACHE_LIMIT) formats.clear();
    formats.set(timeZone, format);
  }
  return format;
}

function checkInstant(ms: number, what: string): void {
  if (!Number.isFinite(ms)) throw new RangeError(`expandTokens: ${what} is not a finite time (${ms})`);
}

/** The wall clock of `timeZone` at `ms`, to the second, with the zone's offset at that instant. */
function localTime(ms: number, timeZone: string): LocalTime {
  // Whole seconds on both sides, so the offset below comes out in whole minutes.
  const instant = Math.floor(ms / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(instant)) {
    // Stryker disable next-line ConditionalExpression,StringLiteral: a "literal" field is never read
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  const year = fields.year ?? 0;
  const month = fields.month ?? 1;
  const day = fields.day ?? 1;
  const hour = fields.hour ?? 0;
  const minute = fields.minute ?? 0;
  const second = fields.second ?? 0;
  // Read back as if it were UTC, the wall clock differs from the instant by exactly the zone's offset.
  const asUtc = new Date(0);
  asUtc.setUTCFullYear(year, month - 1, day);
  asUtc.setUTCHours(hour, minute, second, 0);
  const offsetMinutes = Math.round((asUtc.getTime() - instant) / 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return {
    year: pad(year, 4),
    month: pad(month),
    day: pad(day),
    hour: pad(hour),
    minute: pad(minute),
    second: pad(second),
    offset: `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
  };
}

const utcSeconds = (ms: number | undefined): number => (ms === undefined ? 0 : Math.floor(ms / 1000));

function tenantTimestamp(ms: number | undefined, timeZone: string): string {
  if (ms === undefined) return "";
  const t = localTime(ms, timeZone);
  return `${t.year}/${t.month}/${t.day} ${t.hour}:${t.minute}:${t.second} ${t.offset}`;
}

function duration(context: TokenContext): string {
  // Stryker disable next-line ConditionalExpression: without a hang-up time the difference is clamped to 0 anyway; the answer-time half is killed by a test
  if (context.answeredAt === undefined || context.hungUpAt === undefined) return "00:00:00";
  // The difference of the two UTC-second tokens, so a receiver can check one against the others.
  const total = Math.max(0, utcSeconds(context.hungUpAt) - utcSeconds(context.answeredAt));
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** What each token becomes; keyed by the generated TokenName, so a token added to the document fails to compile here. */
const EXPANDERS: { readonly [Name in TokenName]: (context: TokenContext, now: () => LocalTime) => string } = {
  caller_id: (c) => c.callerId,
  transaction_id: (c) => c.transactionId,
  call_answered_time: (c) => String(utcSeconds(c.answeredAt)),
  call_hangup_time: (c) => String(utcSeconds(c.hungUpAt)),
  callAnsweredTenantTT: (c) => tenantTimestamp(c.answeredAt, c.timeZone),
  callHangupTenantTT: (c) => tenantTimestamp(c.hungUpAt, c.timeZone),
  callDuration: duration,
  equal: () => "=",
  interaction_guid: (c) => c.interactionGuid,
  year: (_, now) => now().year,
  month: (_, now) => now().month,
  date: (_, now) => now().day,
  hours: (_, now) => now().hour,
  minutes: (_, now) => now().minute,
  seconds: (_, now) => now().second,
  transaction_codes: (c) => c.transactionCodes.map((code) => `${code.list}:${code.short}`).join(","),
  notes: (c) => c.notes,
  lastTclListName: (c) => c.transactionCodes.at(-1)?.list ?? "",
  lastTclCodeDesc: (c) => c.transactionCodes.at(-1)?.description ?? "",
  lastTclCodeShort: (c) => c.transactionCodes.at(-1)?.short ?? "",
};

// A Set rather than `name in EXPANDERS`, so `$constructor$` and the like stay unknown.
const KNOWN: ReadonlySet<string> = new Set(TOKEN_NAMES);

const isTokenName = (name: string): name is TokenName => KNOWN.has(name);

/** Resolves tokens for one context, computing each at most once across every value it expands. */
function resolverFor(context: TokenContext): (name: TokenName) => string {
  checkInstant(context.now, "now");
  if (context.answeredAt !== undefined) checkInstant(context.answeredAt, "answeredAt");
  if (context.hungUpAt !== undefined) checkInstant(context.hungUpAt, "hungUpAt");
  // Up front, so a bad zone fails the same way whether or not a value happens to use a date token.
  formatFor(context.timeZone);
  let nowLocal: LocalTime | undefined;
  const now = (): LocalTime => {
    nowLocal ??= localTime(context.now, context.timeZone);
    return nowLocal;
  };
  const memo = new Map<TokenName, string>();
  return (name) => {
    let value = memo.get(name);
    // Stryker disable next-line ConditionalExpression: memo: computing a token again gives the same text
    if (value === undefined) {
      value = EXPANDERS[name](context, now);
      memo.set(name, value);
    }
    return value;
  };
}

function expandWith(value: string, resolve: (name: TokenName) => string): string {
  let out = "";
  for (const part of parseValue(value)) {
    // Stryker disable next-line ConditionalExpression: a text part has no name, which is no token name
    out += part.type === "token" && isTokenName(part.name) ? resolve(part.name) : part.text;
  }
  return out;
}

/**
 * Replaces every known `$token$` in a user-data value; unknown tokens and stray `$` stay as written.
 * Throws RangeError when `context.timeZone` is not a time zone Intl knows or a time is not finite.
 */
export function expandTokens(value: string, context: TokenContext): string {
  return expandWith(value, resolverFor(context));
}

/** Expands the tokens of every value; names and order are kept. */
export function expandUserData(pairs: readonly Pair[], context: TokenContext): Pair[] {
  const resolve = resolverFor(context);
  return pairs.map((pair) => ({ name: pair.name, value: expandWith(pair.value, resolve) }));
}

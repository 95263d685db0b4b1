// URL rules of the contract: which back URLs may be redirected to (no open redirect) and
// which ctl_callbackUrl hosts may receive a result POST (no SSRF), without DNS.
import { isPrivateHost } from "./addresses.js";

export interface HttpUrl {
  readonly protocol: "http:" | "https:";
  /** Lower-cased; IPv6 literals keep their brackets. */
  readonly hostname: string;
  /** Empty for the scheme's default port. */
  readonly port: string;
  readonly origin: string;
  /** The URL as the parser serialises it (line breaks and tabs removed). */
  readonly href: string;
}

// Back URLs repeat (one site sends the same one); parsing is the validator's costliest step.
// The cache is bounded by characters, not entries: a request controls the size of its URLs.
const parsed = new Map<string, HttpUrl | null>();
/** Entries at most. */
const PARSE_CACHE_LIMIT = 512;
/** Characters of cached URLs at most, keys and hrefs together (about 1 MiB as UTF-16). */
const PARSE_CACHE_CHARS = 512 * 1024;
/** A longer URL is parsed every time: real back and callback URLs are far shorter. */
const MAX_CACHED_URL = 2048;
let cachedChars = 0;
const ABSOLUTE_HTTP = /^https?:\/\//i;

/**
 * What the parse cache holds now: entries, and characters of keys and hrefs together. Exported
 * for its tests (the bounds are a promise about memory, which no answer shows), not from the index.
 */
export function parseCacheUsage(): { readonly entries: number; readonly chars: number } {
  return { entries: parsed.size, chars: cachedChars };
}

/** An absolute http(s) URL with a host, or undefined. */
export function parseHttpUrl(value: string): HttpUrl | undefined {
  const hit = parsed.get(value);
  if (hit !== undefined) return hit ?? undefined;
  let result: HttpUrl | null = null;
  // Only a literal `http(s)://` start with no backslash: browsers read `http:host/x` as a
  // relative path and `\` as `/`, so either would send the visitor somewhere the check did not see.
  if (ABSOLUTE_HTTP.test(value) && !value.includes("\\")) {
    try {
      const url = new URL(value);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: ABSOLUTE_HTTP already passed, and the parser gives every http(s) URL a host
      if ((url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "") {
        result = { protocol: url.protocol, hostname: url.hostname, port: url.port, origin: url.origin, href: url.href };
      }
    } catch {
      // Not a URL: result stays null.
    }
  }
  if (value.length <= MAX_CACHED_URL) {
    const chars = value.length + (result?.href.length ?? 0);
    if (parsed.size >= PARSE_CACHE_LIMIT || cachedChars + chars > PARSE_CACHE_CHARS) {
      parsed.clear();
      cachedChars = 0;
    }
    parsed.set(value, result);
    cachedChars += chars;
  }
  return result ?? undefined;
}

/** The shape of an origin: scheme, host and optional port, nothing after (an Origin header, a config entry). */
export const ORIGIN_SHAPE = /^https?:\/\/[^/?#\s]+$/i;

export interface OriginPattern {
  readonly origin: string;
  /** `:*` in the configuration: any port of protocol + host. */
  readonly anyPort: boolean;
  readonly protocol: string;
  readonly hostname: string;
}

const compiled = new WeakMap<readonly string[], readonly OriginPattern[]>();

/**
 * An allowed-origin entry such as `http://www.acmejet.com` or `http://localhost:*`, or undefined
 * when the entry is not exactly an origin (a path, a port with `:*`, anything the parser would rewrite).
 */
export function parseOriginPattern(entry: string): OriginPattern | undefined {
  const anyPort = entry.endsWith(":*");
  const text = anyPort ? entry.slice(0, -2) : entry;
  const url = ORIGIN_SHAPE.test(text) ? parseHttpUrl(text) : undefined;
  if (url === undefined || url.origin.toLowerCase() !== text.toLowerCase() || (anyPort && url.port !== "")) return undefined;
  return { origin: url.origin, anyPort, protocol: url.protocol, hostname: url.hostname };
}

function compileOrigins(origins: readonly string[]): readonly OriginPattern[] {
  let patterns = compiled.get(origins);
  // Stryker disable next-line ConditionalExpression: cache: a miss compiles the same patterns again
  if (patterns !== undefined) return patterns;
  // Stryker disable next-line ArrayDeclaration: a string in place of a pattern matches no URL, like no pattern at all
  patterns = origins.flatMap((entry) => parseOriginPattern(entry) ?? []);
  compiled.set(origins, patterns);
  return patterns;
}

/** C0 controls and DEL, which the URL parser drops or encodes but a Location header must never carry. */
function hasControlCharacter(value: string): boolean {
  // Stryker disable next-line EqualityOperator: one step past the end reads NaN, which is no control character
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit < 0x20 || unit === 0x7f) return true;
  }
  return false;
}

/** Whether `back` is an absolute http(s) URL on one of the allowed origins. */
export function isAllowedBack(back: string, allowedOrigins: readonly string[]): boolean {
  // back is sent verbatim as Location: a CR or LF in it would split the header.
  if (hasControlCharacter(back)) return false;
  const url = parseHttpUrl(back);
  if (url === undefined) return false;
  for (const pattern of compileOrigins(allowedOrigins)) {
    if (pattern.anyPort ? pattern.protocol === url.protocol && pattern.hostname === url.hostname : pattern.origin === url.origin) {
      return true;
    }
  }
  return false;
}

/** A host matches `example.com` exactly, or `*.example.com` for any subdomain. */
export function hostMatches(hostname: string, allowed: string): boolean {
  const want = allowed.toLowerCase();
  if (want.startsWith("*.")) return hostname.endsWith(want.slice(1)) && hostname.length > want.length - 1;
  return hostname === want;
}

export interface CallbackHostPolicy {
  readonly allowedCallbackHosts: readonly string[];
  readonly allowPrivateCallbackHosts?: boolean | undefined;
}

/** Whether a ctl_callbackUrl may be used: its form, its host name, and no private address unless allowed. */
export function isAllowedCallbackUrl(value: string, policy: CallbackHostPolicy): boolean {
  const url = parseHttpUrl(value);
  if (url === undefined) return false;
  if (!policy.allowedCallbackHosts.some((allowed) => hostMatches(url.hostname, allowed))) return false;
  return policy.allowPrivateCallbackHosts === true || !isPrivateHost(url.hostname);
}

/** `back` with `name=value` added to its query, before any fragment; `value` must need no escaping. */
function withParameter(back: string, name: string, value: string): string {
  const hashAt = back.indexOf("#");
  const base = hashAt === -1 ? back : back.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : back.slice(hashAt);
  const q = base.indexOf("?");
  const query = q === -1 ? undefined : base.slice(q + 1);
  const separator = query === undefined ? "?" : query === "" || query.endsWith("&") ? "" : "&";
  return `${base}${separator}${name}=${value}${fragment}`;
}

/** `back` with `ctl_error=N` added to its query, before any fragment. */
export function withCtlError(back: string, code: number): string {
  return withParameter(back, "ctl_error", String(code));
}

/** `back` with `ctl_interaction_guid=<guid>` added the same way (a tenant's redirectWithGuid). */
export function withInteractionGuid(back: string, interactionGuid: string): string {
  return withParameter(back, "ctl_interaction_guid", encodeURIComponent(interactionGuid));
}

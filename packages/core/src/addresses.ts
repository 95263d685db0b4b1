// Loopback, private and link-local addresses, recognised from their text alone (no DNS),
// so the intake check and the webhook sender's connect-time check share one rule.
import ipaddr from "ipaddr.js";

/** ipaddr.js range names that never receive a result POST unless the tenant allows it. */
const PRIVATE_RANGES: ReadonlySet<string> = new Set([
  "unspecified",
  "loopback",
  "private",
  "linkLocal",
  "uniqueLocal",
  "carrierGradeNat",
  "broadcast",
]);

/** The ipaddr.js range of an IP literal (brackets allowed), or "name" for a host name. */
function rangeOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return "loopback";
  const literal = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  // Stryker disable next-line StringLiteral: any text that is no range name reads the same to both callers
  if (!ipaddr.isValid(literal)) return "name";
  // process() turns an IPv4-mapped IPv6 address into the IPv4 address it carries.
  return ipaddr.process(literal).range();
}

/** True for `localhost` names and loopback, private, link-local or unspecified IP literals. */
export function isPrivateHost(hostname: string): boolean {
  return PRIVATE_RANGES.has(rangeOf(hostname));
}

/** True for `localhost` names, 127.0.0.0/8 and ::1 (also IPv4-mapped). */
export function isLoopbackHost(hostname: string): boolean {
  return rangeOf(hostname) === "loopback";
}

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

/** True for `localhost` names and loopback, private, link-local or unspecified IP literals. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const literal = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  if (!ipaddr.isValid(literal)) return false;
  // process() turns an IPv4-mapped IPv6 address into the IPv4 address it carries.
  return PRIVATE_RANGES.has(ipaddr.process(literal).range());
}

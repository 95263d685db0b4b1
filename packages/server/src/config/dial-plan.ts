// Dial plans: the first rule whose conditions hold rewrites the digits; no rule, no change.
import type { DialPlanRule } from "./schema.js";

function matches(rule: DialPlanRule, digits: string): boolean {
  if (rule.length !== undefined && digits.length !== rule.length) return false;
  if (rule.startsWith !== undefined && !digits.startsWith(rule.startsWith)) return false;
  return true;
}

/** The number to dial for `digits` under `rules` (undefined rules: the number as given). */
export function applyDialPlan(rules: readonly DialPlanRule[] | undefined, digits: string): string {
  if (rules === undefined) return digits;
  for (const rule of rules) {
    if (matches(rule, digits)) return `${rule.prepend ?? ""}${digits.slice(rule.strip ?? 0)}`;
  }
  return digits;
}

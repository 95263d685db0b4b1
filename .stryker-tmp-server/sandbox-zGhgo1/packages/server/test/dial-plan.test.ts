// @ts-nocheck
// Dial plans: the first matching rule rewrites the number; none, and it is dialled as given.
import { describe, expect, it } from "vitest";
import { applyDialPlan } from "../src/config/dial-plan.js";
import type { DialPlanRule } from "../src/config/schema.js";

const LEADING_ONE: readonly DialPlanRule[] = [{ length: 10, prepend: "1" }];
const UK: readonly DialPlanRule[] = [
  { startsWith: "0", strip: 1, prepend: "44" },
  { length: 10, prepend: "44" },
];

describe("applyDialPlan", () => {
  it.each([
    { name: "10 digits get a leading 1", rules: LEADING_ONE, given: "6505551212", want: "16505551212" },
    { name: "11 digits stay as they are", rules: LEADING_ONE, given: "16505551212", want: "16505551212" },
    { name: "no plan: as given", rules: undefined, given: "6505551212", want: "6505551212" },
    { name: "first matching rule wins", rules: UK, given: "02079460000", want: "442079460000" },
    { name: "second rule when the first does not match", rules: UK, given: "2079460000", want: "442079460000" },
    { name: "no rule matches", rules: UK, given: "123", want: "123" },
  ])("$name", ({ rules, given, want }) => {
    expect(applyDialPlan(rules, given)).toBe(want);
  });
});

// What the button says: the lead-in by what the visitor can do, then the catalogue's message.
import { CATALOGUE, type CtlErrorCode } from "@webcallback/core";
import { describe, expect, it } from "vitest";
import { delayText, refusalText } from "../src/button-text.js";

describe("refusalText", () => {
  it.each([
    { code: 17, lead: "Please check your phone number." },
    { code: 15, lead: "We cannot take your request right now; please try again in a few minutes." },
    { code: 106, lead: "We cannot take your request right now; please try again in a few minutes." },
    { code: 3, lead: "Sorry, we could not take your request." },
    { code: 104, lead: "Sorry, we could not take your request." },
  ] as const)("$code", ({ code, lead }: { code: CtlErrorCode; lead: string }) => {
    expect(refusalText({ ctlError: code, message: CATALOGUE[code].message })).toBe(`${lead} ${CATALOGUE[code].message} (error ${code})`);
  });
});

describe("delayText", () => {
  it.each([
    { seconds: 1, want: "In 1 second" },
    { seconds: 90, want: "In 90 seconds" },
    { seconds: 60, want: "In 1 minute" },
    { seconds: 300, want: "In 5 minutes" },
    { seconds: 3600, want: "In 1 hour" },
    { seconds: 5400, want: "In 90 minutes" },
    { seconds: 7200, want: "In 2 hours" },
  ])("$seconds s: $want", ({ seconds, want }) => {
    expect(delayText(seconds)).toBe(want);
  });
});

// What the button says to a visitor, in plain words. The catalogue's message follows, so the
// exact reason is always shown; only the lead-in differs by what the visitor can do about it.
import type { CallbackRefused } from "./result.js";

/** Codes a visitor can fix by correcting the phone number. */
const PHONE_CODES: ReadonlySet<number> = new Set([17]);
/** Codes that pass with time: the service is busy or down. */
const LATER_CODES: ReadonlySet<number> = new Set([15, 106]);

export function refusalText(failure: Pick<CallbackRefused, "ctlError" | "message">): string {
  const lead = PHONE_CODES.has(failure.ctlError)
    ? "Please check your phone number."
    : LATER_CODES.has(failure.ctlError)
      ? "We cannot take your request right now; please try again in a few minutes."
      : "Sorry, we could not take your request.";
  return `${lead} ${failure.message} (error ${failure.ctlError})`;
}

/** A code shown to the visitor is cut to this many characters: it is text from the address bar. */
const SHOWN_CODE_LENGTH = 16;

/** For a ctl_error the catalogue does not list: said as returned, never replaced by another code. */
export function unknownCodeText(code: string): string {
  const characters = [...code];
  const shown = characters.length > SHOWN_CODE_LENGTH ? `${characters.slice(0, SHOWN_CODE_LENGTH).join("")}…` : code;
  return `Sorry, we could not take your request. The service answered with an unknown error code (error ${shown}).`;
}

export const TEXT = {
  phone: "Your phone number",
  when: "When should we call?",
  now: "Now",
  agent: "When an agent is free",
  submit: "Call me back",
  sending: "Sending your request…",
  accepted: "Thank you. We will call you back.",
  reference: "Your reference:",
  unreachable: "We could not reach the callback service. Please check your connection and try again.",
  // An answer that is neither accepted nor refused: the request may be in, and a resend could call twice.
  unconfirmed: "We could not confirm your request; it may have been received. Please wait for our call before asking again.",
} as const;

/** "In 5 minutes", "In 90 seconds", "In 1 hour". */
export function delayText(seconds: number): string {
  const [amount, unit] =
    seconds % 3600 === 0 && seconds >= 3600
      ? [seconds / 3600, "hour"]
      : seconds % 60 === 0 && seconds >= 60
        ? [seconds / 60, "minute"]
        : [seconds, "second"];
  return `In ${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

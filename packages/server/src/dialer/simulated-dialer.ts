// The simulated telephony of CONTRACT.md section 7: the customer answers after 2 s of
// ringing and hangs up 30 s later; three test numbers give busy, no answer and failed.
import type { CallPlan, Dialer } from "./dialer.js";

/** @default 2000 — ringing before the customer answers. */
export const DEFAULT_RING_MS = 2_000;
/** @default 30000 — talk time before the customer hangs up. */
export const DEFAULT_TALK_MS = 30_000;
/** @default 30000 — ringing before an unanswered call gives up. */
export const NO_ANSWER_RING_MS = 30_000;

/** The numbers that never answer normally, and what they do. */
export const TEST_NUMBERS: Readonly<Record<string, CallPlan>> = {
  "15005550001": { ringMs: 0, afterRing: "busy", talkMs: 0 },
  "15005550002": { ringMs: NO_ANSWER_RING_MS, afterRing: "no_answer", talkMs: 0 },
  "15005550003": { ringMs: 0, afterRing: "failed", talkMs: 0 },
};

export interface SimulatedDialerOptions {
  readonly ringMs?: number;
  readonly talkMs?: number;
}

export class SimulatedDialer implements Dialer {
  readonly kind = "simulated";
  private readonly answered: CallPlan;
  /** Agents pick up at once: they asked for the work. */
  private readonly agent: CallPlan;

  constructor(options: SimulatedDialerOptions = {}) {
    const talkMs = options.talkMs ?? DEFAULT_TALK_MS;
    this.answered = { ringMs: options.ringMs ?? DEFAULT_RING_MS, afterRing: "answer", talkMs };
    this.agent = { ringMs: 0, afterRing: "answer", talkMs };
  }

  plan(numberDialled: string, leg: "customer" | "agent"): CallPlan {
    if (leg === "agent") return this.agent;
    return TEST_NUMBERS[numberDialled] ?? this.answered;
  }
}

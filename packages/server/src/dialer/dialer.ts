// Telephony behind one interface. A dialer decides, when a call is placed, how it will go;
// the scheduler stores that plan and runs its steps on the server clock, so a restart
// resumes a ringing call where it was. A carrier-backed dialer would report the same
// steps as events instead of planning them.
import type { CallLeg, CallOutcome } from "../store/store.js";

export interface CallPlan {
  /** How long the phone rings before it is answered or gives up; 0 ends (or answers) at once. */
  readonly ringMs: number;
  /** `answer`, or how the call ends without being answered. */
  readonly afterRing: "answer" | Exclude<CallOutcome, "completed">;
  /** Once answered, how long until the far end hangs up (the call then ends completed). */
  readonly talkMs: number;
}

export interface Dialer {
  /** `simulated` enables the simulator's control API. */
  readonly kind: string;
  plan(numberDialled: string, leg: CallLeg): CallPlan;
}

// The server clock of the simulator: real time plus an offset that POST /sim/clock/advance
// moves forward (and the store keeps, so a restart resumes at the same simulated time).
import type { Clock } from "../clock.js";

export class OffsetClock implements Clock {
  constructor(
    public offsetMs = 0,
    private readonly realNow: () => number = Date.now,
  ) {}

  now(): number {
    return this.realNow() + this.offsetMs;
  }

  /** Real time now, for turning a server-clock instant into an offset. */
  real(): number {
    return this.realNow();
  }
}

// @ts-nocheck
// The server clock. Intake stamps requests with it; the simulator will later add an offset.
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

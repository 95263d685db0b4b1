// Whether the simulated dialer placed the call of an interaction, asked through GET /sim/calls
// (openapi/simulator.yaml). Until a server has the simulator API (it answers 404 there),
// the check falls back to the guid the page showed: a well-formed UUID.
import { expect } from "vitest";

/** The demo directory's admin token (CONTRACT.md §8). */
export const DEMO_ADMIN_TOKEN = "demo-admin-token";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface SimCall {
  readonly callId: string;
  readonly interactionGuid: string;
  readonly leg: "customer" | "agent";
  readonly numberDialled: string;
  readonly state: string;
}

/** How the call was confirmed: in the simulator's call list, or (no simulator API yet) by the guid alone. */
export type CallCheck = "sim-calls" | "guid-only";

/**
 * Waits (bounded: `timeoutMs`) until GET /sim/calls lists a customer call for `interactionGuid`
 * dialling `numberDialled`; resolves "guid-only" when the server has no /sim/calls route.
 */
export async function expectCustomerCall(
  baseUrl: string,
  interactionGuid: string,
  numberDialled: string,
  timeoutMs = 5_000,
): Promise<CallCheck> {
  expect(interactionGuid).toMatch(UUID);
  const url = `${baseUrl}/sim/calls?interactionGuid=${encodeURIComponent(interactionGuid)}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${DEMO_ADMIN_TOKEN}` } });
    if (response.status === 404) return "guid-only";
    expect(response.status).toBe(200);
    const { calls } = (await response.json()) as { calls: SimCall[] };
    const call = calls.find((c) => c.interactionGuid === interactionGuid && c.leg === "customer");
    if (call !== undefined) {
      expect(call.numberDialled).toBe(numberDialled);
      return "sim-calls";
    }
    if (Date.now() > deadline) throw new Error(`no customer call for ${interactionGuid} in /sim/calls within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

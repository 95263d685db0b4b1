// Whether the simulated dialer placed the call of an interaction, asked through GET /sim/calls
// (openapi/simulator.yaml) with the demo directory's admin token.
import { expect } from "vitest";

import { ADMIN_TOKEN, type SimCall } from "./sim-client.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Waits (bounded: `timeoutMs`) until GET /sim/calls lists a customer call for `interactionGuid` dialling `numberDialled`. */
export async function expectCustomerCall(
  baseUrl: string,
  interactionGuid: string,
  numberDialled: string,
  timeoutMs = 5_000,
): Promise<void> {
  expect(interactionGuid).toMatch(UUID);
  const url = `${baseUrl}/sim/calls?interactionGuid=${encodeURIComponent(interactionGuid)}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(url, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(200);
    const { calls } = (await response.json()) as { calls: SimCall[] };
    const call = calls.find((c) => c.interactionGuid === interactionGuid && c.leg === "customer");
    if (call !== undefined) {
      expect(call.numberDialled).toBe(numberDialled);
      return;
    }
    if (Date.now() > deadline) throw new Error(`no customer call for ${interactionGuid} in /sim/calls within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

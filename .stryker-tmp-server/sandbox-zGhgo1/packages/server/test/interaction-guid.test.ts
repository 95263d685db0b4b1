// @ts-nocheck
// Interaction guids: valid UUIDs (version 7 layout), ordered by acceptance time, never repeated.
import { describe, expect, it } from "vitest";
import { newInteractionGuid } from "../src/store/interaction-guid.js";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("newInteractionGuid", () => {
  it("is a version-7 UUID carrying the acceptance time", () => {
    const at = Date.UTC(2026, 10, 24, 18, 0, 0, 123);
    const guid = newInteractionGuid(at);
    expect(guid).toMatch(UUID_V7);
    expect(Number.parseInt(guid.replace("-", "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts by acceptance time", () => {
    const guids = [1, 2, 1_000, 1_790_000_000_000, 1_790_000_000_001].map(newInteractionGuid);
    expect([...guids].sort()).toEqual(guids);
  });

  it("does not repeat within one millisecond", () => {
    const guids = new Set(Array.from({ length: 10_000 }, () => newInteractionGuid(1_790_000_000_000)));
    expect(guids.size).toBe(10_000);
  });
});

// /sim lists say when they were cut at LIST_LIMIT.
import { describe, expect, it } from "vitest";
import { LIST_LIMIT, listed } from "../src/sim/list-view.js";

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("listed", () => {
  it.each([
    { given: 0, want: { length: 0, truncated: undefined } },
    { given: LIST_LIMIT, want: { length: LIST_LIMIT, truncated: undefined } },
    { given: LIST_LIMIT + 1, want: { length: LIST_LIMIT, truncated: true } },
  ])("$given rows -> $want.length listed, truncated $want.truncated", ({ given, want }) => {
    const list = listed("calls", rows(given), (n) => n * 2);
    expect(list.calls).toHaveLength(want.length);
    expect(list.truncated).toBe(want.truncated);
    expect("truncated" in list).toBe(want.truncated === true);
    if (given > 0) expect(list.calls[0]).toBe(0);
    if (given > 1) expect(list.calls[1]).toBe(2);
  });
});

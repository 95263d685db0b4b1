// A /sim list answer: at most LIST_LIMIT items, the oldest, and a flag when there were more,
// so a test that counts calls knows when it did not see them all.

/** @default 10000 — the most calls or deliveries one list answer carries. */
export const LIST_LIMIT = 10_000;

/** `rows` read with a limit of LIST_LIMIT + 1 (the extra one only tells whether the list was cut). */
export function listed<K extends string, R, V>(key: K, rows: readonly R[], view: (row: R) => V): Record<K, V[]> & { truncated?: true } {
  const list = { [key]: rows.slice(0, LIST_LIMIT).map(view) } as Record<K, V[]> & { truncated?: true };
  if (rows.length > LIST_LIMIT) list.truncated = true;
  return list;
}

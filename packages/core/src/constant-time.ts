// A string comparison whose time does not depend on where the strings differ.

export function constantTimeEqual(a: string, b: string): boolean {
  // Length is compared last so the loop always runs over the expected value's length.
  let diff = 0;
  const n = b.length;
  // Stryker disable next-line EqualityOperator: one step past the end reads NaN, which XORs as 0, and unequal lengths differ anyway
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ b.charCodeAt(i);
  return (diff | (a.length ^ n)) === 0;
}

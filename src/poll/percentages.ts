/**
 * Whole-number percentages of `counts` that add up to exactly 100 (largest remainder method):
 * every share is rounded down, then the points still missing go to the largest remainders,
 * ties to the earlier option. All zero (no votes yet) gives all zero.
 */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= 0) return counts.map(() => 0);
  const exact = counts.map((count) => (count * 100) / total);
  const result = exact.map(Math.floor);
  let missing = 100 - result.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - result[index] })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing-- <= 0) break;
    result[index]++;
  }
  return result;
}

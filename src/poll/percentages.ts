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
  const missing = 100 - result.reduce((sum, value) => sum + value, 0);
  // Sorting is stable, so equal remainders keep the earlier option first.
  [...result.keys()]
    .sort((a, b) => exact[b] - result[b] - (exact[a] - result[a]))
    .slice(0, missing)
    .forEach((index) => result[index]++);
  return result;
}

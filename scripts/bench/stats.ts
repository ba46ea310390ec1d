/** Small statistics for the benchmark: medians of repeated timings, and ratios that survive zeros. */

export function median(values: readonly number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** `a / b`, or NaN when either is missing or `b` is zero (a ratio of nothing means nothing). */
export function ratio(a: number, b: number): number {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN;
}

/** Rounds for the table and the JSON file: three decimals below 1, two below 10, one below 100, none above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value;
  const size = Math.abs(value);
  const digits = size < 1 ? 1000 : size < 10 ? 100 : size < 100 ? 10 : 1;
  return Math.round(value * digits) / digits;
}

/** Gaps between consecutive sorted times. */
export function gaps(times: readonly number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.slice(1).map((t, i) => t - (sorted[i] as number));
}

/** The most `times` that fall inside any half-open window [t, t + width). */
export function maxInWindow(times: readonly number[], width: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last++) {
    while ((sorted[last] as number) - (sorted[first] as number) >= width) first++;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

/**
 * Figures from raw samples. Percentiles are nearest-rank over every sample (never an average of
 * per-client or per-second percentiles, which hides the tail), so p99 is a latency that 1% of the
 * deliveries actually took or exceeded.
 */

export interface Summary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of ascending `sorted`; NaN when there is no sample. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  if (p <= 0) return sorted[0]!;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** Sorts a copy (a Float64Array: 100k samples sort in a few ms) and summarises it. */
export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(samples).sort();
  let total = 0;
  for (const value of sorted) total += value;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    mean: sorted.length ? total / sorted.length : NaN,
  };
}

/** product / baseline, or null when either is missing or the baseline is zero. */
export function ratio(product: number | null, baseline: number | null): number | null {
  if (product === null || baseline === null || !Number.isFinite(product)) return null;
  if (!Number.isFinite(baseline) || baseline === 0) return null;
  return product / baseline;
}

/** Rounds for display: 3 significant digits, whole numbers from 100 up. */
export function round(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (Math.abs(value) >= 100) return Math.round(value);
  return Number(value.toPrecision(3));
}

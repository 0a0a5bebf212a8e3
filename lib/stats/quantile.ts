/**
 * Quantile of already-sorted values by linear interpolation between order statistics
 * (Hyndman–Fan type 7, the default of numpy and R), so bootstrap percentiles match what
 * reviewers get when they re-check in Python or R.
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile must be in [0, 1], got ${q}`);
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, n - 1);
  const lo = sorted[lower] as number;
  const hi = sorted[upper] as number;
  return lo + (hi - lo) * (position - lower);
}

/** Central percentile interval, e.g. confidence 0.95 → [2.5th, 97.5th] percentiles. */
export function percentileInterval(values: ArrayLike<number>, confidence: number): readonly [number, number] {
  if (!(confidence > 0 && confidence < 1))
    throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const sorted = Float64Array.from(values).sort();
  const tail = (1 - confidence) / 2;
  return [quantileSorted(sorted, tail), quantileSorted(sorted, 1 - tail)];
}

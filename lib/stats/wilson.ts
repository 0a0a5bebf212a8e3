import type { Interval } from "./types";
import type { VoteCounts } from "./win-rate";

/** Two-sided 95% normal quantile, to the precision usually quoted. */
export const Z_95 = 1.959964;

/**
 * Wilson score interval for a binomial proportion. Preferred over the Wald interval because it
 * stays inside [0, 1] and keeps sensible coverage at small n and extreme rates (e.g. 0/12 or 20/20).
 * With n = 0 there is no information, so the whole range [0, 1] is returned.
 */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in [0, n], got ${successes} of ${n}`);
  }
  if (!(z > 0)) throw new RangeError(`z must be positive, got ${z}`);
  if (n === 0) return [0, 1];
  const [lower, upper] = wilsonScoreBounds(successes / n, n, z);
  // At 0/n and n/n the bound is exactly 0 or 1 in exact arithmetic; don't let rounding say otherwise.
  return [successes === 0 ? 0 : lower, successes === n ? 1 : upper];
}

/**
 * The Wilson score formula itself, for a rate `p` observed on an effective sample size `n` (which
 * may be fractional, as after a finite population correction). The one implementation in the app.
 */
export function wilsonScoreBounds(p: number, n: number, z: number = Z_95): Interval {
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // In exact arithmetic the interval holds p, and is [0, …] at p = 0 and […, 1] at p = 1; in
  // floating point centre − halfWidth at p = 0 comes out a hair above 0 (5.5e-17 for 0/1). Pin
  // the ends so every caller can rely on lower ≤ p ≤ upper.
  const lower = p <= 0 ? 0 : Math.min(p, Math.max(0, centre - halfWidth));
  const upper = p >= 1 ? 1 : Math.max(p, Math.min(1, centre + halfWidth));
  return [lower, upper];
}

/** Wilson interval on model A's share of decisive votes (ties and both-bad left out). */
export function decisiveShareInterval(counts: VoteCounts, z: number = Z_95): Interval {
  return wilsonInterval(counts.winsA, counts.winsA + counts.winsB, z);
}

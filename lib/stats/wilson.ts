import type { Interval } from "./types";
import type { VoteCounts } from "./win-rate";

/** Two-sided 95% normal quantile, Φ⁻¹(0.975): the one Z_95 of the app (stats and audit sampling). */
export const Z_95 = 1.959963984540054;

export type TWilsonOptions = {
  /** Normal quantile; default Z_95. */
  z?: number;
  /** Size of the population sampled without replacement: applies the finite population correction. */
  population?: number;
};

/**
 * Wilson score interval for a binomial proportion: the one Wilson interval of the app, for rater
 * statistics and audit samples alike. Preferred over the Wald interval because it stays inside
 * [0, 1] and keeps sensible coverage at small n and extreme rates (e.g. 0/12 or 20/20), where Wald
 * collapses to [0, 0] after seeing no errors. With n = 0 there is no information: [0, 1].
 */
export function wilsonInterval(successes: number, n: number, options: TWilsonOptions = {}): Interval {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in [0, n], got ${successes} of ${n}`);
  }
  const { population } = options;
  if (population !== undefined && (!Number.isInteger(population) || population < n)) {
    throw new RangeError(`population must be an integer of at least n, got ${population} for n = ${n}`);
  }
  if (n === 0) return [0, 1];
  return wilsonRateInterval(successes / n, n, options);
}

/**
 * Wilson interval around an already computed rate (a stratified estimate whose variance came out
 * zero). With a population, the finite population correction (N − n) / (N − 1) inflates the sample
 * size to n / fpc: auditing most of a small batch should not report needlessly wide intervals, and a
 * census (n = N) reports none.
 */
export function wilsonRateInterval(
  p: number,
  n: number,
  { z = Z_95, population }: TWilsonOptions = {},
): Interval {
  if (!(z > 0)) throw new RangeError(`z must be positive, got ${z}`);
  if (population !== undefined && n >= population) return [p, p];
  const fpc = population === undefined ? 1 : (population - n) / (population - 1);
  return wilsonScoreBounds(p, n / fpc, z);
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
  return wilsonInterval(counts.winsA, counts.winsA + counts.winsB, { z });
}

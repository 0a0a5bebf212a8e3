import type { VoteCounts } from "./win-rate";

/**
 * Two-sided exact binomial test of H0: p = 1/2 (the sign test). Returns the p-value.
 *
 * Works in log space: for n in the thousands the binomial coefficients overflow doubles and
 * 2^-n underflows, while their ratio (the probability) is perfectly representable.
 */
export function signTest(successes: number, n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in [0, n], got ${successes} of ${n}`);
  }
  const tail = Math.min(successes, n - successes);
  // Under p = 1/2 the distribution is symmetric, so "as or more extreme" is both tails ≤ tail;
  // when those tails meet or overlap (k = ⌊n/2⌋ or ⌈n/2⌉) they cover every outcome.
  if (2 * tail + 1 >= n) return 1;

  const logHalfToN = -n * Math.LN2;
  const logTerms = new Float64Array(tail + 1);
  let logChoose = 0;
  for (let i = 0; i <= tail; i++) {
    logTerms[i] = logChoose + logHalfToN;
    logChoose += Math.log((n - i) / (i + 1));
  }
  // Below the mode the terms increase, so the last one is the largest: factor it out (log-sum-exp).
  const logMax = logTerms[tail] as number;
  let scaled = 0;
  for (let i = 0; i <= tail; i++) scaled += Math.exp((logTerms[i] as number) - logMax);
  return Math.min(1, 2 * Math.exp(logMax + Math.log(scaled)));
}

/** Sign test on decisive votes only; ties and both-bad carry no direction. */
export function pairSignTest(counts: VoteCounts): number {
  return signTest(counts.winsA, counts.winsA + counts.winsB);
}

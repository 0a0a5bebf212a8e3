import { wilsonScoreBounds } from "../stats/wilson";
import { assertNonNegativeInteger } from "./validate";

/** Two-sided 95% normal quantile. */
export const Z_95 = 1.959963984540054;

export interface ProportionInterval {
  estimate: number;
  lower: number;
  upper: number;
}

/**
 * Wilson score interval for a proportion from a simple random sample.
 *
 * Wilson rather than the Wald interval because audit samples are small and error rates are often
 * near zero, where Wald collapses to [0, 0] after seeing no errors. When the population size is
 * given, the finite population correction (N - n) / (N - 1) is applied by inflating the sample size
 * to n / fpc; without it, auditing a large share of a small batch would report needlessly wide
 * intervals, and a census (n = N) would still report uncertainty.
 */
export function wilsonInterval(
  successes: number,
  sampled: number,
  populationSize?: number,
): ProportionInterval {
  assertNonNegativeInteger(successes, "successes");
  assertNonNegativeInteger(sampled, "sampled");
  if (sampled === 0) throw new RangeError("cannot estimate a proportion from an empty sample");
  if (successes > sampled) throw new RangeError("successes cannot exceed sampled");
  if (populationSize !== undefined) {
    assertNonNegativeInteger(populationSize, "populationSize");
    if (populationSize < sampled) throw new RangeError("sampled cannot exceed populationSize");
  }
  return wilsonFromRate(successes / sampled, sampled, populationSize);
}

/**
 * Wilson interval around an already-computed rate. Exposed within the package so the stratified
 * estimator can fall back to it when its variance estimate degenerates to zero.
 */
export function wilsonFromRate(rate: number, sampled: number, populationSize?: number): ProportionInterval {
  if (populationSize !== undefined && sampled >= populationSize) {
    return { estimate: rate, lower: rate, upper: rate };
  }
  const fpc = populationSize === undefined ? 1 : (populationSize - sampled) / (populationSize - 1);
  const [lower, upper] = wilsonScoreBounds(rate, sampled / fpc, Z_95);
  return { estimate: rate, lower, upper };
}

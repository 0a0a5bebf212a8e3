import type { ProportionInterval } from "./stratified-proportion";

/** Floating-point slack: far below any difference a proportion of real counts can show. */
const TOLERANCE = 1e-9;

/**
 * Scales a proportion and its interval to a count in the population ("about 37 of 1,200 generated
 * items contain a clinical error"). Values are left unrounded; round only for display so that
 * downstream arithmetic is not compounded with rounding error.
 */
export function estimateTotal(
  proportion: number,
  interval: Pick<ProportionInterval, "lower" | "upper">,
  populationSize: number,
): ProportionInterval {
  if (!Number.isFinite(populationSize) || populationSize < 0) {
    throw new RangeError(`populationSize must be a non-negative number, got ${populationSize}`);
  }
  const [p, lower, upper] = [proportion, interval.lower, interval.upper].map((value) => {
    if (!Number.isFinite(value) || value < -TOLERANCE || value > 1 + TOLERANCE) {
      throw new RangeError(`proportions must be in [0, 1], got ${value}`);
    }
    return Math.min(1, Math.max(0, value));
  }) as [number, number, number];
  // Intervals computed in floating point may miss the proportion by an ulp or so (a weighted sum
  // of stratum rates that are all 1 is 0.9999999999999999); that is rounding, not inconsistency.
  if (lower > p + TOLERANCE || p > upper + TOLERANCE) {
    throw new RangeError("interval must contain the proportion");
  }
  return {
    estimate: p * populationSize,
    lower: Math.min(lower, p) * populationSize,
    upper: Math.max(upper, p) * populationSize,
  };
}

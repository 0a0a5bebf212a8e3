import type { ProportionInterval } from "./wilson";

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
  for (const value of [proportion, interval.lower, interval.upper]) {
    if (!Number.isFinite(value) || value < 0 || value > 1) {
      throw new RangeError(`proportions must be in [0, 1], got ${value}`);
    }
  }
  if (interval.lower > proportion || proportion > interval.upper) {
    throw new RangeError("interval must contain the proportion");
  }
  return {
    estimate: proportion * populationSize,
    lower: interval.lower * populationSize,
    upper: interval.upper * populationSize,
  };
}

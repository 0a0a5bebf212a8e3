import { assertNonNegativeInteger } from "./validate";
import type { Interval } from "@/lib/stats/types";
import { wilsonInterval, wilsonRateInterval, Z_95 } from "@/lib/stats/wilson";

/** A proportion with its interval (all in [0, 1]). */
export interface ProportionInterval {
  estimate: number;
  lower: number;
  upper: number;
}

export interface StratumObservation {
  population: number;
  sampled: number;
  successes: number;
}

export type ProportionMethod = "wilson" | "stratified-normal" | "stratified-wilson-fallback";

export interface ProportionEstimate extends ProportionInterval {
  /** Standard error of the estimate (with finite population correction); 0 for a census. */
  standardError: number;
  method: ProportionMethod;
}

/**
 * Stratum-weighted estimate of a population proportion with a 95% interval.
 *
 * - One non-empty stratum (an unstratified sample): Wilson score interval with finite population
 *   correction, because the normal interval is unreliable for small n and rates near 0 or 1.
 * - Several strata: p = Σ W_h p_h with W_h = N_h / N, and the textbook variance
 *   Σ W_h² (1 - n_h/N_h) p_h (1 - p_h) / n_h, giving p ± 1.96·SE clipped to [0, 1].
 * - If that variance is zero but the sample is not a census (every stratum saw all or no
 *   successes), the normal interval would claim certainty from, say, "0 errors in 40 items". We
 *   then fall back to a Wilson interval around the stratified estimate using the total sample size,
 *   an approximation that ignores stratification but never claims false certainty.
 *
 * Strata with population 0 are ignored. A non-empty stratum with nothing sampled throws: its rate
 * is unknown and silently dropping it would bias the estimate.
 */
export function stratifiedProportion(strata: readonly StratumObservation[]): ProportionEstimate {
  for (const s of strata) {
    assertNonNegativeInteger(s.population, "population");
    assertNonNegativeInteger(s.sampled, "sampled");
    assertNonNegativeInteger(s.successes, "successes");
    if (s.sampled > s.population) throw new RangeError("sampled cannot exceed population");
    if (s.successes > s.sampled) throw new RangeError("successes cannot exceed sampled");
  }
  const active = strata.filter((s) => s.population > 0);
  if (active.length === 0) throw new RangeError("no non-empty strata");
  if (active.some((s) => s.sampled === 0)) {
    throw new RangeError("every non-empty stratum needs at least one sampled item");
  }

  if (active.length === 1) {
    const only = active[0] as StratumObservation;
    const [lower, upper] = wilsonInterval(only.successes, only.sampled, { population: only.population });
    const p = only.successes / only.sampled;
    const fpc = only.population > 1 ? (only.population - only.sampled) / (only.population - 1) : 0;
    return {
      estimate: p,
      lower,
      upper,
      standardError: Math.sqrt((fpc * p * (1 - p)) / only.sampled),
      method: "wilson",
    };
  }

  const total = active.reduce((acc, s) => acc + s.population, 0);
  let estimate = 0;
  let variance = 0;
  let sampled = 0;
  for (const s of active) {
    const weight = s.population / total;
    const rate = s.successes / s.sampled;
    estimate += weight * rate;
    variance += weight * weight * (1 - s.sampled / s.population) * ((rate * (1 - rate)) / s.sampled);
    sampled += s.sampled;
  }
  const standardError = Math.sqrt(variance);
  // A weighted sum of rates that are all 1 may come out as 1.0000000000000002.
  estimate = Math.min(1, Math.max(0, estimate));

  if (variance === 0 && sampled < total) {
    return {
      ...withBounds(estimate, wilsonRateInterval(estimate, sampled, { population: total })),
      standardError,
      method: "stratified-wilson-fallback",
    };
  }
  return {
    estimate,
    lower: Math.max(0, estimate - Z_95 * standardError),
    upper: Math.min(1, estimate + Z_95 * standardError),
    standardError,
    method: "stratified-normal",
  };
}

function withBounds(estimate: number, [lower, upper]: Interval): ProportionInterval {
  return { estimate, lower, upper };
}

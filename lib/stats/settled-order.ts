import type { BootstrapResult } from "./bradley-terry-bootstrap";
import { percentileInterval } from "./quantile";
import type { Interval } from "./types";

export interface PairOrder {
  /** The higher-rated model of the two (point estimate). */
  readonly higher: string;
  readonly lower: string;
  /** Point rating difference, higher − lower (Elo, ≥ 0). */
  readonly difference: number;
  /** Percentile bootstrap interval of the same difference, round by round. */
  readonly ci: Interval;
  /** The interval excludes 0: the order is settled at the bootstrap's confidence. */
  readonly settled: boolean;
}

/**
 * Whether the order of two models is settled, from the prompt bootstrap's own rounds: the interval
 * of the difference, not two overlapping marginal intervals (that would be far too conservative,
 * because the two ratings move together across resamples).
 */
export function pairOrder(
  fit: BootstrapResult,
  modelX: string,
  modelY: string,
  confidence = 0.95,
): PairOrder {
  if (!fit.samples) throw new RangeError("pairOrder needs a bootstrap run with keepSamples");
  const x = fit.ratings.findIndex((r) => r.model === modelX);
  const y = fit.ratings.findIndex((r) => r.model === modelY);
  if (x < 0 || y < 0) throw new RangeError(`unknown model in ${modelX} vs ${modelY}`);
  const [hi, lo] = fit.ratings[x]!.rating >= fit.ratings[y]!.rating ? [x, y] : [y, x];
  const a = fit.samples[hi]!;
  const b = fit.samples[lo]!;
  const differences = new Float64Array(a.length);
  for (let r = 0; r < a.length; r++) differences[r] = a[r]! - b[r]!;
  const ci =
    a.length === 0 ? ([Number.NaN, Number.NaN] as const) : percentileInterval(differences, confidence);
  return {
    higher: fit.ratings[hi]!.model,
    lower: fit.ratings[lo]!.model,
    difference: fit.ratings[hi]!.rating - fit.ratings[lo]!.rating,
    ci,
    settled: ci[0] > 0,
  };
}

/** The orders of every two models adjacent in the point ranking, best first. */
export function adjacentOrders(fit: BootstrapResult, confidence = 0.95): PairOrder[] {
  const ranked = [...fit.ratings].sort((p, q) => q.rating - p.rating);
  const out: PairOrder[] = [];
  for (let r = 0; r + 1 < ranked.length; r++) {
    out.push(pairOrder(fit, ranked[r]!.model, ranked[r + 1]!.model, confidence));
  }
  return out;
}

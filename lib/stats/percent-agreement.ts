import { presentValues, type ReliabilityData } from "./reliability-data";

/**
 * Raw agreement: for each unit with at least two ratings, the share of rater pairs that gave the
 * same value; then the mean over those units. Reported next to chance-corrected coefficients because
 * it is what clinicians intuitively read, and alpha/kappa can be low despite high raw agreement when
 * one category dominates.
 *
 * @returns NaN when no unit has two ratings.
 */
export function percentAgreement(units: ReliabilityData): number {
  let sum = 0;
  let items = 0;
  for (const unit of units) {
    const values = presentValues(unit);
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<string | number, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    let agreeingPairs = 0;
    for (const count of counts.values()) agreeingPairs += (count * (count - 1)) / 2;
    sum += agreeingPairs / ((m * (m - 1)) / 2);
    items++;
  }
  return items === 0 ? Number.NaN : sum / items;
}

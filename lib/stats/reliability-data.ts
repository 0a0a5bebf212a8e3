/** A category a rater can assign. Numbers and strings are distinct (1 ≠ "1"). */
export type RatingValue = string | number;

/** null, undefined and NaN all mean "this rater did not rate this unit". */
export type MaybeRating = RatingValue | null | undefined;

/** Units × raters. Rows may differ in length; raters' identities do not matter to these statistics. */
export type ReliabilityData = readonly (readonly MaybeRating[])[];

export function isMissing(value: MaybeRating): value is null | undefined {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}

/** The ratings actually given for one unit. */
export function presentValues(unit: readonly MaybeRating[]): RatingValue[] {
  return unit.filter((value): value is RatingValue => !isMissing(value));
}

/** Units with at least two ratings: the only ones that carry information about agreement. */
export function countPairableUnits(units: ReliabilityData): number {
  let count = 0;
  for (const unit of units) if (presentValues(unit).length >= 2) count++;
  return count;
}

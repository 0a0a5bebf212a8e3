/**
 * Fleiss' kappa from a subjects × categories table of counts (how many raters put subject i in
 * category j). Fleiss' formula assumes the same number of raters on every subject, so unequal row
 * totals are rejected rather than silently mis-weighted; use Krippendorff's alpha for ragged data.
 *
 * @returns NaN when chance agreement is already perfect (everyone used one category).
 */
export function fleissKappa(table: readonly (readonly number[])[]): number {
  const subjects = table.length;
  if (subjects === 0) return Number.NaN;
  const categories = table[0]?.length ?? 0;
  let raters = -1;
  const categoryTotals = new Float64Array(categories);
  let meanAgreement = 0;
  for (const row of table) {
    if (row.length !== categories) throw new RangeError("every row needs one count per category");
    let rowTotal = 0;
    let sumSquares = 0;
    row.forEach((count, j) => {
      if (!Number.isInteger(count) || count < 0) throw new RangeError("counts must be non-negative integers");
      rowTotal += count;
      sumSquares += count * count;
      categoryTotals[j] = categoryTotals[j]! + count;
    });
    if (raters === -1) raters = rowTotal;
    if (rowTotal !== raters)
      throw new RangeError("Fleiss' kappa needs the same number of ratings per subject");
    if (raters < 2) throw new RangeError("Fleiss' kappa needs at least two ratings per subject");
    meanAgreement += (sumSquares - raters) / (raters * (raters - 1)) / subjects;
  }
  let chanceAgreement = 0;
  const totalRatings = subjects * raters;
  for (const total of categoryTotals) chanceAgreement += (total / totalRatings) ** 2;
  if (chanceAgreement === 1) return Number.NaN;
  return (meanAgreement - chanceAgreement) / (1 - chanceAgreement);
}

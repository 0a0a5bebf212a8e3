import { isMissing, type MaybeRating, type RatingValue } from "./reliability-data";

/**
 * Cohen's kappa from a square confusion table (rows: rater 1's category, columns: rater 2's).
 * @returns NaN when chance agreement is 1 (both raters used one and the same category throughout).
 */
export function cohenKappaFromTable(table: readonly (readonly number[])[]): number {
  const size = table.length;
  let total = 0;
  let agree = 0;
  const rowTotals = new Float64Array(size);
  const columnTotals = new Float64Array(size);
  table.forEach((row, i) => {
    if (row.length !== size) throw new RangeError("the table must be square");
    row.forEach((count, j) => {
      if (!(count >= 0)) throw new RangeError("counts must be non-negative");
      total += count;
      rowTotals[i] = rowTotals[i]! + count;
      columnTotals[j] = columnTotals[j]! + count;
      if (i === j) agree += count;
    });
  });
  if (total === 0) return Number.NaN;
  let chance = 0;
  for (let i = 0; i < size; i++) chance += (rowTotals[i]! / total) * (columnTotals[i]! / total);
  if (chance === 1) return Number.NaN;
  return (agree / total - chance) / (1 - chance);
}

/**
 * Cohen's kappa for two raters' parallel ratings of the same items. Items either rater skipped
 * (null / undefined / NaN) are left out, as kappa is only defined on jointly rated items.
 */
export function cohenKappa(rater1: readonly MaybeRating[], rater2: readonly MaybeRating[]): number {
  if (rater1.length !== rater2.length) throw new RangeError("both raters need one entry per item");
  const index = new Map<RatingValue, number>();
  const pairs: [number, number][] = [];
  const indexOf = (value: RatingValue): number => {
    let i = index.get(value);
    if (i === undefined) {
      i = index.size;
      index.set(value, i);
    }
    return i;
  };
  rater1.forEach((a, item) => {
    const b = rater2[item];
    if (isMissing(a) || isMissing(b)) return;
    pairs.push([indexOf(a), indexOf(b)]);
  });
  const table = Array.from({ length: index.size }, () => new Array<number>(index.size).fill(0));
  for (const [a, b] of pairs) {
    const row = table[a] as number[];
    row[b] = (row[b] as number) + 1;
  }
  return cohenKappaFromTable(table);
}

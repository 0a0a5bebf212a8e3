/**
 * The modelOrder for summarisePairs that reproduces the stored orientation of every comparison,
 * so that A and B in the statistics are the comparison's model A and model B, as in the CSV and
 * the annotations. planComparisons sorts models with the same default sort and, in vs_reference studies, makes
 * the reference model B: so the reference goes last and the others keep code-point order. Without
 * it summarisePairs re-sorts each pair, and a reference named "claude-2" would become model A.
 */
export function statsModelOrder(
  design: string,
  reference: string | null,
  models: Iterable<string>,
): string[] {
  const sorted = [...new Set(models)].sort();
  if (design !== "vs_reference" || !reference) return sorted;
  return [...sorted.filter((m) => m !== reference), reference];
}

import { bigramsOf, diceOf, foldLabel } from "./fold-label";

/** Labels this similar (or the same after folding) are proposed as one term. */
export const CLUSTER_THRESHOLD = 0.86;

type TLabelIn = { kind: string; label: string; records: number };

/**
 * Groups unknown labels of one kind that are near-duplicates of each other ("Rewrites", "Rewriting",
 * "Rewrite Task"), so they become one new term with the others as aliases instead of four terms.
 * Returns, per input label (same order), the label proposed as its cluster's term: the spelling
 * used by the most records, then the shortest, then the first alphabetically.
 */
export function clusterLabels(labels: readonly TLabelIn[]): string[] {
  const parent = labels.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] ?? i] ?? i;
    return i;
  };
  const folded = labels.map((l) => foldLabel(l.label));
  const grams = folded.map(bigramsOf);
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      if (labels[i]?.kind !== labels[j]?.kind) continue;
      const same = folded[i] === folded[j] || diceOf(grams[i] ?? [], grams[j] ?? []) >= CLUSTER_THRESHOLD;
      if (same) parent[root(j)] = root(i);
    }
  }
  const lead = new Map<number, TLabelIn>();
  labels.forEach((l, i) => {
    const r = root(i);
    const cur = lead.get(r);
    const better =
      !cur ||
      l.records > cur.records ||
      (l.records === cur.records &&
        (l.label.length < cur.label.length ||
          (l.label.length === cur.label.length && l.label.localeCompare(cur.label) < 0)));
    if (better) lead.set(r, l);
  });
  return labels.map((l, i) => lead.get(root(i))?.label ?? l.label);
}

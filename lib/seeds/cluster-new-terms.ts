import { clusterLabels } from "@/lib/vocabulary/cluster-labels";
import type { TVocabularyKind } from "@/lib/vocabulary/schemas";
import type { TUnknownLabel } from "./resolve-import-labels";

export type TNewTerm = { kind: TVocabularyKind; label: string; aliases: string[] };

/**
 * The terms an import with unknownLabels=add creates: one per suggested cluster (the same clusters
 * the mapping screen shows), labelled by the cluster's lead spelling, every other spelling of its
 * members an alias. Without this, "Rewrite / Rewrites / Rewriting / Rewrite Task" became four terms.
 */
export function clusterNewTerms(unknown: readonly TUnknownLabel[]): TNewTerm[] {
  const leads = clusterLabels(
    unknown.map((u) => ({ kind: u.kind, label: u.label, records: u.records.length })),
  );
  const byKey = new Map<string, TNewTerm & { spellings: Set<string> }>();
  unknown.forEach((u, i) => {
    const label = leads[i] ?? u.label;
    const key = `${u.kind}:${label}`;
    const term = byKey.get(key) ?? { kind: u.kind, label, aliases: [], spellings: new Set<string>() };
    for (const s of [u.label, ...u.spellings]) term.spellings.add(s);
    byKey.set(key, term);
  });
  return [...byKey.values()].map(({ spellings, ...t }) => ({
    ...t,
    aliases: [...spellings].filter((s) => s !== t.label),
  }));
}

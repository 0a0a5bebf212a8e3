import { clusterLabels } from "@/lib/vocabulary/cluster-labels";
import type { TTermRef } from "@/lib/vocabulary/label-lookup";
import { createSuggester } from "@/lib/vocabulary/suggest-terms";
import type { TUnknownLabel } from "./resolve-import-labels";

/**
 * Each unknown label with the live terms it probably means and the cluster it falls in (`cluster`:
 * the label proposed for the one new term its near-duplicates would share), so the screen offers
 * "accept all suggestions" instead of one decision and one round trip per spelling.
 */
export function suggestImportLabels(unknown: readonly TUnknownLabel[], live: readonly TTermRef[]) {
  const suggest = createSuggester(live);
  const clusters = clusterLabels(
    unknown.map((u) => ({ kind: u.kind, label: u.label, records: u.records.length })),
  );
  return unknown.map((u, i) => ({
    ...u,
    cluster: clusters[i] ?? u.label,
    suggestions: suggest(u.kind, u.label),
  }));
}

import type { TUnknownLabel } from "@/lib/seeds/resolve-import-labels";
import type { TLabelMapping } from "@/lib/vocabulary/schemas";
import type { TTermSuggestion } from "@/lib/vocabulary/suggest-terms";

/** Unknown labels the server put in one cluster: one decision maps them all. */
export type TLabelCluster = {
  key: string;
  kind: TUnknownLabel["kind"];
  /** The label proposed for a new term. */
  label: string;
  members: TUnknownLabel[];
  records: number;
  suggestions: TTermSuggestion[];
  retired: string[];
};

export type TDecision =
  { type: "alias"; termId: string; label: string } | { type: "new"; label: string } | { type: "skip" };

/** Groups the import's unknown labels by kind and cluster, biggest first, with their best suggestions. */
export function clustersOf(labels: readonly TUnknownLabel[]): TLabelCluster[] {
  const byKey = new Map<string, TLabelCluster>();
  for (const u of labels) {
    const key = `${u.kind}:${u.cluster ?? u.label}`;
    const c = byKey.get(key) ?? {
      key,
      kind: u.kind,
      label: u.cluster ?? u.label,
      members: [],
      records: 0,
      suggestions: [],
      retired: [],
    };
    c.members.push(u);
    c.records += u.records.length;
    if (u.retiredTerm && !c.retired.includes(u.retiredTerm)) c.retired.push(u.retiredTerm);
    for (const s of u.suggestions ?? []) {
      const i = c.suggestions.findIndex((o) => o.termId === s.termId);
      if (i < 0) c.suggestions.push(s);
      else if ((c.suggestions[i]?.score ?? 0) < s.score) c.suggestions[i] = s;
    }
    byKey.set(key, c);
  }
  const out = [...byKey.values()];
  for (const c of out) c.suggestions = c.suggestions.sort((a, b) => b.score - a.score).slice(0, 3);
  return out.sort(
    (a, b) => a.kind.localeCompare(b.kind) || b.records - a.records || a.label.localeCompare(b.label),
  );
}

/** The proposal for a cluster: its best suggestion as an alias, else one new term. */
export function suggestedDecision(c: TLabelCluster): TDecision {
  const best = c.suggestions[0];
  return best ? { type: "alias", termId: best.termId, label: best.label } : { type: "new", label: c.label };
}

/** The spellings one decision covers: every member's, each once. */
export const spellingsOf = (c: TLabelCluster) => [...new Set(c.members.flatMap((m) => m.spellings))];

/** The request's decision for a cluster (null when it is left unmapped). */
export function mappingOf(c: TLabelCluster, d: TDecision): TLabelMapping | null {
  if (d.type === "skip") return null;
  if (d.type === "alias")
    return { action: "alias", kind: c.kind, termId: d.termId, spellings: spellingsOf(c) };
  return { action: "new", kind: c.kind, label: d.label.trim(), aliases: spellingsOf(c) };
}

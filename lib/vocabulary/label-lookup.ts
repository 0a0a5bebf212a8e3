import { normaliseLabel } from "./normalise-label";
import type { TVocabularyKind } from "./schemas";

export type TTermRef = { id: string; kind: TVocabularyKind; label: string; aliases: string[] };

export type TLabelLookup = {
  find(kind: TVocabularyKind, label: string): TTermRef | undefined;
};

/** Label or any alias of a live term, compared after normaliseLabel. */
export function createLabelLookup(terms: readonly TTermRef[]): TLabelLookup {
  const byKey = new Map<string, TTermRef>();
  for (const t of terms) {
    for (const spelling of [t.label, ...t.aliases]) byKey.set(`${t.kind}:${normaliseLabel(spelling)}`, t);
  }
  return { find: (kind, label) => byKey.get(`${kind}:${normaliseLabel(label)}`) };
}

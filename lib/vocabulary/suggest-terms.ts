import { bigramsOf, foldLabel } from "./fold-label";
import type { TTermRef } from "./label-lookup";
import type { TVocabularyKind } from "./schemas";

/** An existing term an unknown label probably means; `matched` is the spelling (label or alias) it resembles. */
export type TTermSuggestion = { termId: string; label: string; matched: string; score: number };

export const SUGGESTION_THRESHOLD = 0.6;

type TIndexed = { term: TTermRef; spelling: string; folded: string; grams: number };

/**
 * An index over every spelling of the live terms, built once per import: an inverted list from
 * bigram to spellings, so ranking 150 labels against 10,000 terms touches only spellings that share
 * a bigram with the label instead of comparing every pair.
 */
export function createSuggester(terms: readonly TTermRef[]) {
  const entries: TIndexed[] = [];
  const postings = new Map<string, number[]>();
  const byFolded = new Map<string, number[]>();
  for (const term of terms) {
    for (const spelling of [term.label, ...term.aliases]) {
      const folded = foldLabel(spelling);
      const grams = bigramsOf(folded);
      const id = entries.push({ term, spelling, folded, grams: grams.length }) - 1;
      for (const g of grams) {
        const list = postings.get(g);
        if (list) list.push(id);
        else postings.set(g, [id]);
      }
      const same = byFolded.get(folded);
      if (same) same.push(id);
      else byFolded.set(folded, [id]);
    }
  }

  /** Up to `limit` live terms of `kind`, best first, each scored 0–1 (1: the same after folding). */
  return function suggest(kind: TVocabularyKind, label: string, limit = 3): TTermSuggestion[] {
    const folded = foldLabel(label);
    const grams = bigramsOf(folded);
    const shared = new Map<number, number>();
    for (const g of grams) for (const id of postings.get(g) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
    for (const id of byFolded.get(folded) ?? []) shared.set(id, -1);
    const best = new Map<string, TTermSuggestion>();
    for (const [id, count] of shared) {
      const e = entries[id];
      if (!e || e.term.kind !== kind) continue;
      const score = count < 0 ? 1 : (2 * count) / (grams.length + e.grams);
      if (score < SUGGESTION_THRESHOLD) continue;
      const prev = best.get(e.term.id);
      if (!prev || score > prev.score)
        best.set(e.term.id, { termId: e.term.id, label: e.term.label, matched: e.spelling, score });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
      .slice(0, limit)
      .map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }));
  };
}

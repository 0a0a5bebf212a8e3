import { createLcsMatcher } from "./bit-lcs";
import { rougeLFromLcs } from "./rouge-l";
import { rougeTokenize } from "./tokenize";
import { insertTopK, type RankedMatch } from "./top-k";

export interface SimilarityEntry {
  id: string;
  text: string;
}

/** `score` is the ROUGE-L F-measure, identical to rouge_score's. */
export type SimilarityMatch = RankedMatch;

export interface SimilarityIndex {
  readonly size: number;
  has(id: string): boolean;
  /** Throws if the id is already present, to surface double-inserts instead of hiding them. */
  add(entry: SimilarityEntry): void;
  /** Returns false if the id was not present. */
  remove(id: string): boolean;
  /** Replaces the text of an existing entry; throws if the id is unknown. */
  update(entry: SimilarityEntry): void;
  /**
   * Up to k entries with the highest ROUGE-L F against `text`, best first; ties by id (code-unit
   * order) so results are reproducible. Entries sharing no token with the query (score 0) are never
   * returned. `excludeId` skips one entry, typically the seed being edited. `above`: only entries
   * that may score above it (a near-duplicate cut-off), so a large index of alike texts is not
   * ranked in full; any match scoring above it is returned exactly as without it.
   */
  query(text: string, k: number, excludeId?: string, above?: number): SimilarityMatch[];
}

interface Slot {
  id: string;
  tokens: Int32Array;
  distinct: Int32Array;
  counts: Int32Array;
}

/**
 * In-memory top-k ROUGE-L index.
 *
 * Query cost is kept low in three layers:
 *  1. Tokens are interned to integers, so the LCS compares ints and postings are keyed by int.
 *  2. An inverted index (token -> entries, with multiplicity) gives, for every entry sharing a
 *     token with the query, the multiset overlap o. Since LCS <= o, F <= 2o / (m + n); entries
 *     sharing nothing are never touched.
 *  3. Candidates are scored in descending bound order with a bit-parallel LCS and scanning stops
 *     once the bound falls below the current k-th best, which for near-duplicates happens early.
 */
export function createSimilarityIndex(entries: readonly SimilarityEntry[] = []): SimilarityIndex {
  const vocabulary = new Map<string, number>();
  const slots: (Slot | undefined)[] = [];
  const freeSlots: number[] = [];
  const slotById = new Map<string, number>();
  // Postings as parallel arrays per token id: entry slot and how often the token occurs there.
  const postingSlots: number[][] = [];
  const postingCounts: number[][] = [];
  let overlap = new Int32Array(0);

  const intern = (token: string): number => {
    let id = vocabulary.get(token);
    if (id === undefined) {
      id = vocabulary.size;
      vocabulary.set(token, id);
      postingSlots.push([]);
      postingCounts.push([]);
    }
    return id;
  };

  const countTokens = (tokens: Int32Array): { distinct: Int32Array; counts: Int32Array } => {
    const tally = new Map<number, number>();
    for (const t of tokens) tally.set(t, (tally.get(t) ?? 0) + 1);
    return { distinct: Int32Array.from(tally.keys()), counts: Int32Array.from(tally.values()) };
  };

  const insert = (entry: SimilarityEntry): void => {
    const tokens = Int32Array.from(rougeTokenize(entry.text), intern);
    const { distinct, counts } = countTokens(tokens);
    const slot = freeSlots.pop() ?? slots.length;
    slots[slot] = { id: entry.id, tokens, distinct, counts };
    slotById.set(entry.id, slot);
    for (let i = 0; i < distinct.length; i++) {
      const token = distinct[i] ?? 0;
      postingSlots[token]?.push(slot);
      postingCounts[token]?.push(counts[i] ?? 0);
    }
  };

  const erase = (id: string): boolean => {
    const slot = slotById.get(id);
    if (slot === undefined) return false;
    const record = slots[slot];
    if (record) {
      for (const token of record.distinct) {
        const ids = postingSlots[token];
        const counts = postingCounts[token];
        if (!ids || !counts) continue;
        // Swap-remove: posting order is irrelevant because candidates are re-sorted per query.
        const at = ids.indexOf(slot);
        if (at < 0) continue;
        const last = ids.length - 1;
        ids[at] = ids[last] ?? 0;
        counts[at] = counts[last] ?? 0;
        ids.pop();
        counts.pop();
      }
    }
    slots[slot] = undefined;
    freeSlots.push(slot);
    slotById.delete(id);
    return true;
  };

  const query = (text: string, k: number, excludeId?: string, above = -1): SimilarityMatch[] => {
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
    const words = rougeTokenize(text);
    if (k === 0 || words.length === 0) return [];

    // Unknown tokens cannot match any entry; -1 keeps them in the pattern length without a mask.
    const queryTokens = Int32Array.from(words, (w) => vocabulary.get(w) ?? -1);
    const m = queryTokens.length;
    const queryTally = new Map<number, number>();
    for (const t of queryTokens) if (t >= 0) queryTally.set(t, (queryTally.get(t) ?? 0) + 1);

    if (overlap.length < slots.length) overlap = new Int32Array(Math.max(slots.length, overlap.length * 2));
    const touched: number[] = [];
    for (const [token, queryCount] of queryTally) {
      const ids = postingSlots[token] ?? [];
      const counts = postingCounts[token] ?? [];
      for (let i = 0; i < ids.length; i++) {
        const slot = ids[i] ?? 0;
        if (overlap[slot] === 0) touched.push(slot);
        overlap[slot] = (overlap[slot] ?? 0) + Math.min(queryCount, counts[i] ?? 0);
      }
    }

    const excluded = excludeId === undefined ? undefined : slotById.get(excludeId);
    const candidates: number[] = [];
    const bounds = new Float64Array(slots.length);
    for (const slot of touched) {
      const shared = overlap[slot] ?? 0;
      overlap[slot] = 0;
      const record = slots[slot];
      if (slot === excluded || !record) continue;
      const bound = rougeLFromLcs(shared, m, record.tokens.length).fmeasure;
      if (bound <= above) continue;
      bounds[slot] = bound;
      candidates.push(slot);
    }
    candidates.sort((a, b) => (bounds[b] ?? 0) - (bounds[a] ?? 0));

    const lcs = createLcsMatcher(queryTokens);
    const best: SimilarityMatch[] = [];
    for (const slot of candidates) {
      const bound = bounds[slot] ?? 0;
      const kth = best.length === k ? (best[k - 1]?.score ?? 0) : -1;
      // Equal bounds must still be scored: they may tie the k-th score and win on id order.
      if (bound < kth) break;
      const record = slots[slot];
      if (!record) continue;
      const score = rougeLFromLcs(lcs(record.tokens), m, record.tokens.length).fmeasure;
      if (score > 0) insertTopK(best, { id: record.id, score }, k);
    }
    return best;
  };

  const index: SimilarityIndex = {
    get size() {
      return slotById.size;
    },
    has: (id) => slotById.has(id),
    add(entry) {
      if (slotById.has(entry.id)) throw new Error(`duplicate similarity entry id: ${entry.id}`);
      insert(entry);
    },
    remove: erase,
    update(entry) {
      if (!erase(entry.id)) throw new Error(`unknown similarity entry id: ${entry.id}`);
      insert(entry);
    },
    query,
  };
  for (const entry of entries) index.add(entry);
  return index;
}

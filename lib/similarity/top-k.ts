export interface RankedMatch {
  id: string;
  score: number;
}

/** Higher score first; equal scores by id in code-unit order, so results never depend on insertion order. */
export function ranksBefore(a: RankedMatch, b: RankedMatch): boolean {
  return a.score > b.score || (a.score === b.score && a.id < b.id);
}

/** Insertion into a sorted array of at most k items; k is small so this beats a heap in practice. */
export function insertTopK(best: RankedMatch[], match: RankedMatch, k: number): void {
  const last = best[best.length - 1];
  if (best.length === k && last && !ranksBefore(match, last)) return;
  let at = best.length;
  while (at > 0) {
    const previous = best[at - 1];
    if (!previous || !ranksBefore(match, previous)) break;
    at--;
  }
  best.splice(at, 0, match);
  if (best.length > k) best.pop();
}

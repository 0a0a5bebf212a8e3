import { normaliseLabel } from "./normalise-label";

/**
 * Words that say what kind of label it is rather than which one ("Rewrite Task", "Expert View"),
 * so suggestions ignore them. Only for suggestions: matching at import stays normaliseLabel's.
 */
const FILLER = new Set(["a", "an", "the", "of", "task", "tasks", "view", "views", "perspective"]);

/** A crude English stem: enough to fold "Rewrites", "Rewriting" and "Rewrite" to one key. */
function stem(word: string): string {
  let w = word.replace(/'s$/, "");
  if (w.length <= 3) return w;
  if (w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("ing") && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith("ses") || w.endsWith("sis")) w = w.slice(0, -2);
  else if (w.endsWith("s") && !w.endsWith("ss")) w = w.slice(0, -1);
  if (w.endsWith("e") && w.length > 3) w = w.slice(0, -1);
  return w;
}

/**
 * The key suggestions compare: normaliseLabel's folding plus punctuation dropped, filler words
 * dropped and each word stemmed (case, plural and "-ing" folded). "Rewrite Task" → "rewrit".
 */
export function foldLabel(label: string): string {
  const words = normaliseLabel(label)
    .replace(/[^\p{L}\p{N}\s']+/gu, " ")
    .split(" ")
    .filter(Boolean);
  const kept = words.filter((w) => !FILLER.has(w));
  return (kept.length ? kept : words).map(stem).join(" ");
}

/** The distinct character bigrams of a folded key, with word edges marked so short words count. */
export function bigramsOf(folded: string): string[] {
  const s = ` ${folded} `;
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  return [...out];
}

/** Dice coefficient of two bigram sets: 1 for the same folded key, 0 for nothing shared. */
export function diceOf(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  const set = new Set(a);
  let shared = 0;
  for (const g of b) if (set.has(g)) shared++;
  return (2 * shared) / (a.length + b.length);
}

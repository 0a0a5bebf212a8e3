/**
 * The allowed spelling a stored value was evidently meant to be ("Accept ", "both-bad", "a", "All
 * pairs"), compared without case, surrounding space, or the difference between "-", " " and "_";
 * null when none matches or more than one does, which is for a person to decide.
 */
export function canonicalSpelling(value: string, allowed: readonly string[]): string | null {
  const norm = (s: string) =>
    s
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, "_");
  const matches = allowed.filter((a) => norm(a) === norm(value));
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/**
 * The key two spellings of one label share: case, Unicode form, curly quotes, hyphens/underscores/
 * slashes and whitespace runs are ignored ("Multiple Choice Q&A" ≈ "Multiple-choice Q&A").
 * Deliberately no stemming or plural folding: "Classifications" is mapped by an admin, never guessed.
 */
export function normaliseLabel(label: string): string {
  return label
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[-\u2010-\u2015_/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

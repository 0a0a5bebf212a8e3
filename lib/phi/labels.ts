import { PHI_KIND_WORDS } from "./kinds";

/**
 * A PHI kind as words for people ("date of birth", never "date_of_birth"), from the one map of
 * kinds to words (lib/phi/kinds.ts). Kinds stored before a detector was renamed still read as
 * words: every underscore becomes a space.
 */
export function phiKindLabel(kind: string): string {
  return (PHI_KIND_WORDS as Record<string, string | undefined>)[kind] ?? kind.replaceAll("_", " ");
}

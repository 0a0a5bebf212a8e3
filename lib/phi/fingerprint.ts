import type { PhiKind } from "./types";

/**
 * Normalisation before hashing: Unicode NFKC, lowercase, and every run of non-letters/digits
 * collapsed to one space. So "943 476 5919" and "943-476-5919", or "Dr. O'Brien" and "dr o brien",
 * share a fingerprint, while "1/12/2020" and "11/2/2020" do not (separators are kept as boundaries).
 */
export function normaliseForFingerprint(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * What identifies a finding in memory, to compare findings of two texts (a correction and the
 * model output it started from). Never stored or sent: it holds the normalised identifier. What
 * is stored is the keyed fingerprint (lib/phi-guard/fingerprint.ts), computed on the server only,
 * where the key is.
 */
export function phiMatchKey(kind: PhiKind, text: string): string {
  return `${kind}\u0000${normaliseForFingerprint(text)}`;
}

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
 * `<kind>:<16 hex digits>`, stable across runs, engines and offsets, so a reviewer's "false
 * positive" decision keyed by fingerprint survives re-detection of unchanged text.
 *
 * The hash keeps the matched text out of decision records, but it is NOT a privacy guarantee:
 * phone or ID numbers have so little entropy that they can be recovered by brute force, so treat
 * fingerprints as sensitive metadata.
 */
export function phiFingerprint(kind: PhiKind, text: string): string {
  return `${kind}:${hash64(normaliseForFingerprint(text))}`;
}

/** Two independently mixed 32-bit lanes (cyrb53-style); ample for per-document collision odds. */
function hash64(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

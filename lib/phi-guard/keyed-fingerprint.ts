import { createHmac } from "node:crypto";
import { normaliseForFingerprint } from "@/lib/phi/fingerprint";

/**
 * Fingerprints of identifiers are HMAC-SHA-256 under a server secret, never a plain hash: a name,
 * a date or a record number has so few likely values that anyone reading a plain hash (in the
 * audit trail, a decision row, a backup) could confirm a guess offline. Without the key a guess
 * cannot be checked. Full 256 bits in hex, so the format also tells them from the 16-digit legacy
 * ones (see isLegacyFingerprint).
 */
export function keyedPhiFingerprint(key: Buffer, kind: string, text: string): string {
  return `${kind}:${hmacHex(key, `phi\u0000${kind}\u0000${normaliseForFingerprint(text)}`)}`;
}

/** What audit_redact records for each literal it replaced: the literal exactly as given, keyed. */
export function keyedLiteralFingerprint(key: Buffer, literal: string): string {
  return hmacHex(key, `literal\u0000${literal}`);
}

/**
 * A fingerprint written before they were keyed: the migration …_phi_fingerprint_hmac replaced the
 * stored 64-bit values with `<kind>:legacy-<row id>`, which matches no identifier's fingerprint.
 */
export function isLegacyFingerprint(fingerprint: string): boolean {
  return /:legacy-/.test(fingerprint);
}

/** The kind a stored fingerprint names (the part before the colon). */
export function kindOfFingerprint(fingerprint: string): string {
  return fingerprint.slice(0, fingerprint.indexOf(":"));
}

function hmacHex(key: Buffer, message: string): string {
  return createHmac("sha256", key).update(message, "utf8").digest("hex");
}

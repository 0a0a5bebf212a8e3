import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";
import { keyedLiteralFingerprint, keyedPhiFingerprint } from "./keyed-fingerprint";

let cached: { source: string; key: Buffer } | undefined;

/**
 * PHI_FINGERPRINT_KEY when set; otherwise derived from NEXTAUTH_SECRET (an HMAC of it under a
 * fixed label, so the fingerprints never reveal the session secret), which the embedded demo
 * already has. Set it on its own to rotate the session secret without changing fingerprints.
 */
function fingerprintKey(): Buffer {
  const e = env();
  const source = e.PHI_FINGERPRINT_KEY ?? `derived:${e.NEXTAUTH_SECRET}`;
  if (cached?.source !== source) {
    const key = e.PHI_FINGERPRINT_KEY
      ? Buffer.from(e.PHI_FINGERPRINT_KEY, "utf8")
      : createHmac("sha256", e.NEXTAUTH_SECRET).update("clinreview phi fingerprint key v1").digest();
    cached = { source, key };
  }
  return cached.key;
}

/** The stored fingerprint of an identifier of this kind (the normalised text, keyed). */
export function phiFingerprint(kind: string, text: string): string {
  return keyedPhiFingerprint(fingerprintKey(), kind, text);
}

/** The fingerprint audit_redact records for a literal it replaced. */
export function literalFingerprint(literal: string): string {
  return keyedLiteralFingerprint(fingerprintKey(), literal);
}

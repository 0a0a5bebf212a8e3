import { detectPhi, type PhiFinding } from "@/lib/phi";
import type { TSeedSnapshot } from "./seed-snapshot";

export const PHI_FIELDS = ["instruction", "input", "referenceAnswer", "authorNotes"] as const;
export type TPhiField = (typeof PHI_FIELDS)[number];
export type TSeedPhiFinding = PhiFinding & { field: TPhiField };

/** PHI candidates in every free-text field of a seed. */
export function seedPhiFindings(s: Pick<TSeedSnapshot, TPhiField>): TSeedPhiFinding[] {
  return PHI_FIELDS.flatMap((field) => detectPhi(s[field]).map((f) => ({ ...f, field })));
}

/** Findings no reviewer has ruled a false positive; approval waits until this is empty. */
export function unresolvedFindings(
  findings: readonly TSeedPhiFinding[],
  decisions: readonly { field: string; fingerprint: string }[],
): TSeedPhiFinding[] {
  const cleared = new Set(decisions.map((d) => `${d.field}\u0000${d.fingerprint}`));
  return findings.filter((f) => !cleared.has(`${f.field}\u0000${f.fingerprint}`));
}

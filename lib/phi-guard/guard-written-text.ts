import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { writtenFindingsOf, type TWrittenFinding, type TWrittenText } from "@/lib/phi/written-findings";
import { phiFingerprint } from "./fingerprint";
import { phiFindingsError } from "./problem";

/** A finding the write may store a confirmation of: with its keyed fingerprint. */
export type TGuardedFinding = TWrittenFinding & { fingerprint: string };

/** What a confirmation is about: the row the write created or changed. */
export type TPhiEntity = { entityType: string; entityId: string };

/**
 * The new possible identifiers in what a person submits. Without `confirmed` any finding refuses
 * the write (422, …/phi-findings); with it the findings are returned for recordPhiConfirmations,
 * to be stored in the same transaction as the write.
 */
export function guardWrittenText(
  fields: readonly TWrittenText[],
  confirmed: boolean | undefined,
): TGuardedFinding[] {
  const findings = writtenFindingsOf(fields);
  if (findings.length > 0 && !confirmed) throw phiFindingsError(findings);
  const textOf = new Map(fields.map((f) => [f.field, f.text ?? ""]));
  return findings.map((f) => ({
    ...f,
    fingerprint: phiFingerprint(f.kind, (textOf.get(f.field) ?? "").slice(f.start, f.end)),
  }));
}

/** One "not PHI" row per field and identifier, with who confirmed it; never the literal text. */
export async function recordPhiConfirmations(
  tx: TTx,
  userId: string,
  entity: TPhiEntity,
  findings: readonly TGuardedFinding[],
): Promise<void> {
  const seen = new Set<string>();
  const rows = findings.filter((f) => {
    const key = `${f.field}\u0000${f.fingerprint}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (rows.length === 0) return;
  await tx.phiConfirmation.createMany({
    data: rows.map((f) => ({
      ...entity,
      field: f.field,
      kind: f.kind,
      fingerprint: f.fingerprint,
      confirmedById: userId,
    })),
  });
}

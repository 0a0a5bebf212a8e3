import "server-only";
import { randomUUID } from "node:crypto";
import { PgTx } from "@/lib/db/pg-transaction";
import type { TTx } from "@/lib/db/prisma";
import { sql } from "@/lib/db/sql";
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

/**
 * One "not PHI" row per field and identifier, with who confirmed it; never the literal text. In a
 * Prisma transaction or a pg one (the queue's submit, lib/db/pg-transaction.ts), the same rows.
 */
export async function recordPhiConfirmations(
  tx: TTx | PgTx,
  userId: string,
  entity: TPhiEntity,
  findings: readonly TGuardedFinding[],
): Promise<void> {
  const seen = new Set<string>();
  const rows = findings
    .filter((f) => {
      const key = `${f.field}\u0000${f.fingerprint}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((f) => ({
      ...entity,
      field: f.field,
      kind: f.kind,
      fingerprint: f.fingerprint,
      confirmedById: userId,
    }));
  if (rows.length === 0) return;
  if (tx instanceof PgTx) {
    // Ids and the time as Prisma's defaults would give them (uuid(), now()).
    await tx.rows(sql`
      INSERT INTO "PhiConfirmation" (id, "entityType", "entityId", field, kind, fingerprint, "confirmedById", "confirmedAt")
      SELECT t.id, ${entity.entityType}, ${entity.entityId}, t.field, t.kind, t.fingerprint, ${userId}::uuid,
             ${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'
        FROM unnest(${rows.map(() => randomUUID())}::uuid[], ${rows.map((r) => r.field)}::text[],
                    ${rows.map((r) => r.kind)}::text[], ${rows.map((r) => r.fingerprint)}::text[])
             AS t(id, field, kind, fingerprint)`);
    return;
  }
  await tx.phiConfirmation.createMany({ data: rows });
}

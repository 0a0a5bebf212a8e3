import "server-only";
import { randomUUID } from "node:crypto";
import type { PgTx } from "@/lib/db/pg-transaction";
import { sql } from "@/lib/db/sql";
import { AppError } from "@/lib/errors/app-error";
import { guidelineVersionSql } from "@/lib/guidelines/claim-gate";
import type { TReview } from "./schemas";

/** The columns a submit writes; the rest are the revision's (below) or the table's defaults. */
export type TNewReview = {
  itemId: string;
  assignmentId: string;
  reviewerId: string;
  verdict: TReview["verdict"];
  flags: string[];
  correctedOutput: string | null;
  rationale: string | null;
  durationMs: number;
};

/**
 * The review row in one statement: after an undo (reopen-review.ts) it is a revision, numbered
 * after the superseded answer, which is linked to it. The link's foreign key is checked at the
 * statement's end, when the new row exists. `revised`: there was a superseded answer.
 */
export async function insertReview(
  tx: PgTx,
  r: TNewReview,
): Promise<{ id: string; revision: number; verdict: string; revised: boolean }> {
  const id = randomUUID();
  const rows = await tx.rows<{ revision: number; verdict: string; revised: boolean }>(sql`
    WITH previous AS (
      SELECT id, revision FROM "AuditReview"
       WHERE "assignmentId" = ${r.assignmentId}::uuid AND "supersededAt" IS NOT NULL AND "supersededById" IS NULL
       ORDER BY revision DESC LIMIT 1),
    created AS (
      INSERT INTO "AuditReview" (id, revision, "itemId", "assignmentId", "reviewerId", verdict, flags,
                                 "correctedOutput", rationale, "durationMs", "guidelineVersion", "createdAt")
      SELECT ${id}::uuid, COALESCE((SELECT revision FROM previous), 0) + 1, ${r.itemId}::uuid,
             ${r.assignmentId}::uuid, ${r.reviewerId}::uuid, ${r.verdict}::"AuditVerdict", ${r.flags}::text[],
             ${r.correctedOutput}, ${r.rationale}, ${r.durationMs}::int, ${guidelineVersionSql(r.assignmentId)},
             ${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'
      RETURNING revision, verdict::text AS verdict),
    linked AS (
      UPDATE "AuditReview" SET "supersededById" = ${id}::uuid WHERE id = (SELECT id FROM previous))
    SELECT c.revision, c.verdict, EXISTS (SELECT 1 FROM previous) AS revised FROM created c`);
  const row = rows[0];
  if (!row) throw new AppError("INTERNAL", "The review was not stored");
  return { id, ...row };
}

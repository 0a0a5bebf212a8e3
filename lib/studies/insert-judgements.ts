import "server-only";
import { randomUUID } from "node:crypto";
import type { PgTx } from "@/lib/db/pg-transaction";
import { sql } from "@/lib/db/sql";
import { guidelineVersionSql } from "@/lib/guidelines/claim-gate";

/** One rater's judgement of an assignment: a row per criterion, choices in model terms. */
export type TNewJudgements = {
  comparisonId: string;
  assignmentId: string;
  raterId: string;
  rows: { criterion: string; choice: "A" | "B" | "tie" | "both_bad" }[];
  shownLeft: "A" | "B";
  rationale: string | null;
  durationMs: number;
};

/**
 * The judgement rows in one statement: after an undo (reopen-judgement.ts) they are a revision,
 * numbered after the superseded rows, each of which is linked to the new row of its criterion
 * (checked by the foreign key at the statement's end, when the new rows exist). `revised`: there
 * were superseded rows.
 */
export async function insertJudgements(
  tx: PgTx,
  j: TNewJudgements,
): Promise<{ revision: number; revised: boolean }> {
  const ids = j.rows.map(() => randomUUID());
  const rows = await tx.rows<{ revision: number; revised: boolean }>(sql`
    WITH previous AS (
      SELECT id, criterion, revision FROM "StudyJudgement"
       WHERE "assignmentId" = ${j.assignmentId}::uuid AND "supersededAt" IS NOT NULL AND "supersededById" IS NULL),
    next AS (SELECT COALESCE(max(revision), 0) + 1 AS revision FROM previous),
    created AS (
      INSERT INTO "StudyJudgement" (id, revision, "comparisonId", "assignmentId", "raterId", criterion, choice,
                                    "shownLeft", rationale, "durationMs", "guidelineVersion", "createdAt")
      SELECT t.id, (SELECT revision FROM next), ${j.comparisonId}::uuid, ${j.assignmentId}::uuid, ${j.raterId}::uuid,
             t.criterion, t.choice::"StudyChoice", ${j.shownLeft}::"StudySide", ${j.rationale}, ${j.durationMs}::int,
             ${guidelineVersionSql(j.assignmentId)},
             ${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'
        FROM unnest(${ids}::uuid[], ${j.rows.map((r) => r.criterion)}::text[], ${j.rows.map((r) => r.choice)}::text[])
             AS t(id, criterion, choice)
      RETURNING id, criterion),
    linked AS (
      UPDATE "StudyJudgement" s SET "supersededById" = c.id
        FROM previous p JOIN created c ON c.criterion = p.criterion
       WHERE s.id = p.id)
    SELECT (SELECT revision FROM next) AS revision, EXISTS (SELECT 1 FROM previous) AS revised`);
  return rows[0] ?? { revision: 1, revised: false };
}

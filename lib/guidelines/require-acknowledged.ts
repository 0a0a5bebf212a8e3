import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { sql, type Sql } from "@/lib/db/sql";
import type { TQueueClient } from "@/lib/queue/types";
import { sqlOn } from "@/lib/queue/sql-on";
import { mustAcknowledge } from "./definitions";
import type { TGuidelineKind } from "./owner";

type TRow = { current: number | null; acknowledged: number | null };

/**
 * The claim's gate (one statement, on the pg pool like the claim itself): the refusal when the queue has guidelines whose current version
 * the caller has not acknowledged, else null. No guidelines written: nothing to acknowledge.
 */
export async function guidelinesRefusal(
  kind: TGuidelineKind,
  userId: string,
  queueId: string,
  client: TQueueClient,
): Promise<AppError | null> {
  const rows =
    kind === "audit"
      ? await sqlOn(client).rows<TRow>(sql`
          SELECT (SELECT max(version) FROM "GuidelineVersion" WHERE "campaignId" = ${queueId}::uuid) AS current,
                 (SELECT max(version) FROM "GuidelineAck"
                   WHERE "campaignId" = ${queueId}::uuid AND "userId" = ${userId}::uuid) AS acknowledged`)
      : await sqlOn(client).rows<TRow>(sql`
          SELECT (SELECT max(version) FROM "GuidelineVersion" WHERE "studyId" = ${queueId}::uuid) AS current,
                 (SELECT max(version) FROM "GuidelineAck"
                   WHERE "studyId" = ${queueId}::uuid AND "userId" = ${userId}::uuid) AS acknowledged`);
  const { current, acknowledged } = rows[0] ?? { current: null, acknowledged: null };
  if (!mustAcknowledge(current, acknowledged)) return null;
  return new AppError(
    "GUIDELINES_NOT_ACKNOWLEDGED",
    acknowledged === null
      ? "Read and acknowledge the guidelines before your first item"
      : `The guidelines changed (version ${current}): read and acknowledge them before your next item`,
    { extra: { currentVersion: current, acknowledgedVersion: acknowledged } },
  );
}

/**
 * The guideline version an answer on this assignment is made under: the latest its person
 * acknowledged for the assignment's campaign or study (the claim asks for the current one, so this
 * is the one in force when they took the item); null when there are no guidelines. A fragment of
 * the submit's own INSERT (lib/audits/insert-review.ts, lib/studies/insert-judgements.ts), so
 * recording it costs the submit no round trip; feature-agnostic (a queue is a campaign or a study).
 */
export function guidelineVersionSql(assignmentId: string): Sql {
  return sql`(SELECT max(k.version)
                FROM "QueueAssignment" a
                JOIN "GuidelineAck" k ON k."userId" = a."userId"
                                     AND (k."campaignId" = a."queueId" OR k."studyId" = a."queueId")
               WHERE a.id = ${assignmentId}::uuid)`;
}

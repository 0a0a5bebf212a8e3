import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { sql, type Sql } from "@/lib/db/sql";
import type { TClaimGate, TClaimGateRow } from "@/lib/queue/types";
import type { TGuidelineKind } from "./owner";

/**
 * The current version of the queue's guidelines and the highest the caller acknowledged, as a
 * one-row SELECT for the claim's own statement (the claim statement of lib/queue or of a feature
 * runs it in a CTE and claims only when `ok`): no round trip of its own. The rule is
 * mustAcknowledge's (definitions.ts): nothing to acknowledge when no guidelines were ever written,
 * else the current (highest) version must be the one acknowledged. One column per kind, so each
 * max() is read from its unique index (campaignId|studyId, version).
 */
function gateSql(kind: TGuidelineKind, userId: string, queueId: string): Sql {
  const current =
    kind === "audit"
      ? sql`SELECT max(version) AS v FROM "GuidelineVersion" WHERE "campaignId" = ${queueId}::uuid`
      : sql`SELECT max(version) AS v FROM "GuidelineVersion" WHERE "studyId" = ${queueId}::uuid`;
  const acknowledged =
    kind === "audit"
      ? sql`SELECT max(version) AS v FROM "GuidelineAck" WHERE "campaignId" = ${queueId}::uuid AND "userId" = ${userId}::uuid`
      : sql`SELECT max(version) AS v FROM "GuidelineAck" WHERE "studyId" = ${queueId}::uuid AND "userId" = ${userId}::uuid`;
  return sql`SELECT cur.v IS NULL OR ack.v IS NOT DISTINCT FROM cur.v AS ok, cur.v AS version, ack.v AS acknowledged
               FROM (${current}) cur, (${acknowledged}) ack`;
}

/** The 409 of a claim whose caller has not acknowledged the current guidelines. */
export function guidelinesRefusal({ version, acknowledged }: TClaimGateRow): AppError {
  return new AppError(
    "GUIDELINES_NOT_ACKNOWLEDGED",
    acknowledged === null
      ? "Read and acknowledge the guidelines before your first item"
      : `The guidelines changed (version ${version}): read and acknowledge them before your next item`,
    { extra: { currentVersion: version, acknowledgedVersion: acknowledged } },
  );
}

/** The claim gate of a campaign's or a study's queue (lib/queue's TClaimGate). */
export function guidelinesGate(kind: TGuidelineKind): TClaimGate {
  return { sql: (userId, queueId) => gateSql(kind, userId, queueId), refusal: guidelinesRefusal };
}

/**
 * The guideline version an answer on this assignment is made under: the one in force when its
 * person claimed the item, which the claim statement stored on the assignment (queue_claim_under,
 * migration …_queue_claim_guideline_version, or study_claim_item_under for an adaptive study), so a
 * version published while they worked does not change it, nor does acknowledging it before
 * submitting. A claim that resumes the lease (a reload) stamps it again with the version in force
 * then, which the gate has just made them acknowledge. Null when there were no guidelines. A
 * fragment of the submit's own INSERT (lib/audits/insert-review.ts, lib/studies/insert-judgements.ts),
 * so recording it costs the submit no round trip; feature-agnostic.
 */
export function guidelineVersionSql(assignmentId: string): Sql {
  return sql`(SELECT a."guidelineVersion" FROM "QueueAssignment" a WHERE a.id = ${assignmentId}::uuid)`;
}

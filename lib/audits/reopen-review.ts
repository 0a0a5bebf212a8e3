import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TTx } from "@/lib/db/prisma";
import type { TQueueReopen, TReopenRefusal } from "@/lib/queue/queue-feature";

/** What the audit rules of a reopen look at (also the My answers list's, without locks). */
export type TReviewReopenFacts = {
  campaignStatus: string;
  adjudicated: boolean;
  /** The current review (null once reopened, until the resubmit). */
  reviewId: string | null;
  itemId: string;
  draft: {
    verdict: string;
    flags: string[];
    correctedOutput: string | null;
    rationale: string | null;
  } | null;
};

/** Audits: while the campaign is open (ACTIVE) and the item has not been adjudicated. */
export function reviewReopenRefusal(f: {
  campaignStatus: string;
  adjudicated: boolean;
}): TReopenRefusal | null {
  if (f.campaignStatus !== "ACTIVE")
    return {
      reason: "queue_not_open",
      message: "The campaign is not open, so the review cannot be reopened",
    };
  if (f.adjudicated)
    return {
      reason: "adjudicated",
      message: "The item has been adjudicated, so the review cannot be reopened",
    };
  return null;
}

type TRow = {
  queueId: string;
  leaseMinutes: number;
  campaignStatus: string;
  adjudicated: boolean;
  itemId: string;
};

async function load(tx: TTx, assignmentId: string, userId: string) {
  // The item row locked against a concurrent adjudication, the campaign's against a close.
  const rows = await tx.$queryRaw<TRow[]>`
    SELECT a."queueId", c."leaseMinutes", c.status::text AS "campaignStatus",
           ai."adjudicatedAt" IS NOT NULL AS adjudicated, ai.id AS "itemId"
      FROM "QueueAssignment" a
      JOIN "AuditItem" ai ON ai."queueItemId" = a."itemId"
      JOIN "AuditCampaign" c ON c.id = ai."campaignId"
     WHERE a.id = ${assignmentId}::uuid AND a."userId" = ${userId}::uuid
       FOR UPDATE OF ai FOR SHARE OF c`;
  const row = rows[0];
  if (!row) return null;
  const latest = await tx.auditReview.findFirst({
    where: { assignmentId },
    orderBy: { revision: "desc" },
  });
  // No review yet (leased, skipped): lib/queue answers 409 not_submitted.
  const current = latest && latest.supersededAt === null ? latest : null;
  return {
    queueId: row.queueId,
    leaseMinutes: row.leaseMinutes,
    reopened: latest !== null && current === null && latest.supersededById === null,
    answer: {
      campaignStatus: row.campaignStatus,
      adjudicated: row.adjudicated,
      reviewId: current?.id ?? null,
      itemId: row.itemId,
      draft: current && {
        verdict: current.verdict,
        flags: current.flags,
        correctedOutput: current.correctedOutput,
        rationale: current.rationale,
      },
    } satisfies TReviewReopenFacts,
  };
}

/**
 * Undo of a review: the review is kept, marked superseded; the item is pending again (one completed
 * slot fewer, lib/queue) and its verdict, computed from current reviews only, is recomputed when
 * the reviewer resubmits (submit-review.ts links the new revision).
 */
export const reviewReopen: TQueueReopen<TReviewReopenFacts> = {
  load: (tx, ref) => load(tx, ref.assignmentId, ref.user.id),
  refusal: (facts) => reviewReopenRefusal(facts),
  async check(client, assignmentId) {
    const rows = await client.$queryRaw<{ campaignStatus: string; adjudicated: boolean }[]>`
      SELECT c.status::text AS "campaignStatus", ai."adjudicatedAt" IS NOT NULL AS adjudicated
        FROM "QueueAssignment" a
        JOIN "AuditItem" ai ON ai."queueItemId" = a."itemId"
        JOIN "AuditCampaign" c ON c.id = ai."campaignId"
       WHERE a.id = ${assignmentId}::uuid`;
    const row = rows[0];
    return row ? reviewReopenRefusal(row) : { reason: "not_found", message: "Unknown assignment" };
  },
  async reopened(client, assignmentId) {
    // As `load`: the latest revision superseded and not by a resubmitted one.
    const [row] = await client.$queryRaw<{ reopened: boolean }[]>`
      SELECT EXISTS (
        SELECT 1 FROM (SELECT "supersededAt", "supersededById" FROM "AuditReview"
                        WHERE "assignmentId" = ${assignmentId}::uuid ORDER BY revision DESC LIMIT 1) r
         WHERE r."supersededAt" IS NOT NULL AND r."supersededById" IS NULL) AS reopened`;
    return row?.reopened ?? false;
  },
  async supersede(tx, { user, assignmentId }, facts, ctx) {
    if (facts.reviewId) {
      await tx.auditReview.update({ where: { id: facts.reviewId }, data: { supersededAt: new Date() } });
    }
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "audit.reopen",
      entityType: "audit_item",
      entityId: facts.itemId,
      before: facts.draft ? { verdict: facts.draft.verdict } : undefined,
      after: { assignmentId, reviewId: facts.reviewId },
    });
    // The review form's draft (ZDraft): absent fields, not nulls.
    const d = facts.draft;
    return d
      ? {
          verdict: d.verdict,
          flags: d.flags,
          ...(d.correctedOutput !== null ? { correctedOutput: d.correctedOutput } : {}),
          ...(d.rationale !== null ? { rationale: d.rationale } : {}),
        }
      : {};
  },
};

import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestContext } from "@/lib/http/request-context";
import { LEASE_LOST, QUEUE_TX_OPTIONS, saveAssignmentDraft, submitOutcome } from "@/lib/queue";
import { guardWrittenText, recordPhiConfirmations } from "@/lib/phi-guard/guard-written-text";
import { flagsOf } from "./flags";
import type { TReview } from "./schemas";

export type TSubmitResult = { status: number; body: { reviewId: string; assignmentId: string; verdict: string } };

/**
 * Stores one review per assignment; a repeat answers with the stored review (200). The
 * Idempotency-Key is handled by the shared submit route (lib/http/idempotency.ts). A submit whose
 * slot went to someone else answers 409 and keeps the work as the draft.
 */
type TSubmitTarget = { itemId: string; claimedAt: Date; campaignStatus: string; flags: Prisma.JsonValue; output: string | null; outcome: string };

export async function submitReview(
  user: TCurrentUser,
  assignmentId: string,
  review: TReview,
  ctx: TRequestContext,
): Promise<TSubmitResult> {
  try {
    return await db().$transaction(async (tx) => {
      // One joined read that also makes the queue's submit (queue_submit; submitAssignment's call),
      // saving a round trip: submits are, with claims, the queue's hottest path. A refusal below
      // throws, and the transaction takes the submit back.
      const found = await tx.$queryRaw<TSubmitTarget[]>`
        SELECT ai.id AS "itemId", a."claimedAt", c.status::text AS "campaignStatus", c.flags, r.output,
               queue_submit(a.id, a."userId") AS outcome
          FROM "QueueAssignment" a
          JOIN "AuditItem" ai ON ai."queueItemId" = a."itemId"
          JOIN "AuditCampaign" c ON c.id = ai."campaignId"
          JOIN "DatasetRecord" r ON r.id = ai."recordId"
         WHERE a.id = ${assignmentId}::uuid AND a."userId" = ${user.id}::uuid`;
      const target = found[0];
      if (!target) throw notFound("Assignment");
      if (target.campaignStatus === "CLOSED") throw new AppError("CONFLICT", "This campaign is closed");
      const allowed = new Set(flagsOf(target.flags).map((f) => f.key));
      const unknown = review.flags.filter((f) => !allowed.has(f));
      if (unknown.length > 0) throw new AppError("VALIDATION", "Some fields need attention", { fieldErrors: { flags: [`Unknown flag(s): ${unknown.join(", ")}`] } });

      const outcome = submitOutcome(target.outcome);
      let result: TSubmitResult;
      if (outcome === "already_submitted") {
        const existing = await tx.auditReview.findUniqueOrThrow({ where: { assignmentId } });
        result = { status: 200, body: { reviewId: existing.id, assignmentId, verdict: existing.verdict } };
      } else {
        const correction = review.correctedOutput?.trim() && review.correctedOutput !== (target.output ?? "") ? review.correctedOutput : null;
        const rationale = review.rationale?.trim() || null;
        // Only what the reviewer added to the model's output needs their word that it is not PHI.
        const findings = guardWrittenText(
          [
            { field: "correctedOutput", text: correction, baselines: [target.output] },
            { field: "rationale", text: rationale },
          ],
          review.phiConfirmed,
        );
        const created = await tx.auditReview.create({
          data: {
            itemId: target.itemId,
            assignmentId,
            reviewerId: user.id,
            verdict: review.verdict,
            flags: [...new Set(review.flags)],
            correctedOutput: correction,
            rationale,
            durationMs: review.durationMs ?? Math.max(0, Date.now() - target.claimedAt.getTime()),
          },
        });
        await recordPhiConfirmations(tx, user.id, { entityType: "audit_review", entityId: created.id }, findings);
        await recordAudit(tx, ctx, { actorId: user.id, action: "audit.review", entityType: "audit_item", entityId: target.itemId, after: { verdict: review.verdict } });
        result = { status: 201, body: { reviewId: created.id, assignmentId, verdict: created.verdict } };
      }
      return result;
    }, QUEUE_TX_OPTIONS);
  } catch (err) {
    if (err instanceof AppError && err.extra?.reason === LEASE_LOST) {
      // In the draft's own terms (elapsedMs), so the review screen resumes the time on item too.
      const { durationMs, phiConfirmed: _confirmed, ...work } = review;
      const draft: Prisma.InputJsonValue = {
        ...work,
        correctedOutput: review.correctedOutput ?? null,
        rationale: review.rationale ?? null,
        ...(durationMs !== undefined ? { elapsedMs: durationMs } : {}),
      };
      await saveAssignmentDraft(user.id, assignmentId, draft).catch(() => undefined);
    }
    throw err;
  }
}

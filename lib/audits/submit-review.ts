import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { sql } from "@/lib/db/sql";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TQueueSubmit } from "@/lib/queue/queue-feature";
import { guardWrittenText, recordPhiConfirmations } from "@/lib/phi-guard/guard-written-text";
import { flagsOf } from "./flags";
import { insertReview } from "./insert-review";
import type { TReview } from "./schemas";

export type TSubmitResult = {
  status: number;
  body: { reviewId: string; assignmentId: string; verdict: string };
};
type TSubmitTarget = {
  itemId: string;
  claimedAt: Date;
  campaignStatus: "ACTIVE" | "PAUSED" | "CLOSED";
  flags: Prisma.JsonValue;
  output: string | null;
};
type TSubmitRow = TSubmitTarget & { outcome: string };

/**
 * What a review submit writes: one review per assignment (201); a repeat answers with the stored
 * review (200). lib/queue runs it in the submit's transaction; the Idempotency-Key is the shared
 * route's. A submit whose slot went to someone else keeps the work as the draft.
 */
export const reviewSubmit: TQueueSubmit<TReview, TSubmitTarget, TSubmitResult> = {
  // One joined read that also calls queue_submit (see loadSubmits): submits are, with claims, the
  // queue's hottest path, and each round trip costs the app server CPU under load.
  loadSubmits: true,
  async load(tx, { user, assignmentId }) {
    const found = await tx.rows<TSubmitRow>(sql`
      SELECT ai.id AS "itemId", a."claimedAt", c.status::text AS "campaignStatus", c.flags, r.output,
             queue_submit(a.id, a."userId") AS outcome
        FROM "QueueAssignment" a
        JOIN "AuditItem" ai ON ai."queueItemId" = a."itemId"
        JOIN "AuditCampaign" c ON c.id = ai."campaignId"
        JOIN "DatasetRecord" r ON r.id = ai."recordId"
       WHERE a.id = ${assignmentId}::uuid AND a."userId" = ${user.id}::uuid`);
    const row = found[0];
    if (!row) return null;
    const { outcome, ...target } = row;
    return { status: target.campaignStatus, target, outcome };
  },
  check(review, target) {
    const allowed = new Set(flagsOf(target.flags).map((f) => f.key));
    const unknown = review.flags.filter((f) => !allowed.has(f));
    if (unknown.length > 0)
      throw new AppError("VALIDATION", "Some fields need attention", {
        fieldErrors: { flags: [`Unknown flag(s): ${unknown.join(", ")}`] },
      });
  },
  async replay(tx, { assignmentId }) {
    const [existing] = await tx.rows<{ id: string; verdict: string }>(sql`
      SELECT id, verdict::text AS verdict FROM "AuditReview"
       WHERE "assignmentId" = ${assignmentId}::uuid AND "supersededAt" IS NULL
       ORDER BY revision DESC LIMIT 1`);
    if (!existing) throw notFound("Review");
    return { status: 200, body: { reviewId: existing.id, assignmentId, verdict: existing.verdict } };
  },
  async write(tx, { user, assignmentId }, review, target, ctx) {
    const correction =
      review.correctedOutput?.trim() && review.correctedOutput !== (target.output ?? "")
        ? review.correctedOutput
        : null;
    const rationale = review.rationale?.trim() || null;
    // Only what the reviewer added to the model's output needs their word that it is not PHI.
    const findings = guardWrittenText(
      [
        { field: "correctedOutput", text: correction, baselines: [target.output] },
        { field: "rationale", text: rationale },
      ],
      review.phiConfirmed,
    );
    const created = await insertReview(tx, {
      itemId: target.itemId,
      assignmentId,
      reviewerId: user.id,
      verdict: review.verdict,
      flags: [...new Set(review.flags)],
      correctedOutput: correction,
      rationale,
      durationMs: review.durationMs ?? Math.max(0, Date.now() - target.claimedAt.getTime()),
    });
    await recordPhiConfirmations(tx, user.id, { entityType: "audit_review", entityId: created.id }, findings);
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "audit.review",
      entityType: "audit_item",
      entityId: target.itemId,
      after: { verdict: review.verdict, ...(created.revised ? { revision: created.revision } : {}) },
    });
    return { status: 201, body: { reviewId: created.id, assignmentId, verdict: created.verdict } };
  },
  respond: (result) => result,
  draftOnLeaseLost(review) {
    // In the draft's own terms (elapsedMs), so the review screen resumes the time on item too.
    const { durationMs, phiConfirmed: _confirmed, ...work } = review;
    return {
      ...work,
      correctedOutput: review.correctedOutput ?? null,
      rationale: review.rationale ?? null,
      ...(durationMs !== undefined ? { elapsedMs: durationMs } : {}),
    };
  },
};

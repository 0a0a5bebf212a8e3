import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, conflict, forbidden } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { guardWrittenText, recordPhiConfirmations } from "@/lib/phi-guard/guard-written-text";
import { phiFindingsError } from "@/lib/phi-guard/problem";
import { writtenFindings } from "@/lib/phi/written-findings";
import { checkSeedReady, findNearDuplicates } from "./check-seed-ready";
import type { TSimilarSeed } from "./find-similar-seeds";
import { loadSeedForUpdate, visibleSeedsWhere } from "./load-seed";
import { seedPhiFindings, unresolvedFindings } from "./phi-findings";
import type { TReviewSeed } from "./schemas";
import { seedToSnapshot } from "./seed-to-snapshot";

/**
 * A clinician other than the author approves or requests changes on the version they read.
 * Approval asks what submission asked (complete, a near duplicate explained) again: the seed may
 * have been imported, or saved since, and a reviewer must never approve less than was required.
 */
export async function reviewSeed(user: TCurrentUser, id: string, input: TReviewSeed, ctx: TRequestContext) {
  let near: TSimilarSeed[] = [];
  let scoredVersion: number | null = null;
  const comment = { field: "comment", text: input.comment };
  // A comment asking for changes stays on the seed as one of its findings (another clinician
  // rules on it or the author redacts it), so a confirmation lets it through. An approved seed is
  // frozen, so an identifier in an approval comment could never be redacted: refused outright.
  const findings = input.decision === "APPROVE" ? [] : guardWrittenText([comment], input.phiConfirmed);
  if (input.decision === "APPROVE") {
    const inApproval = writtenFindings(comment);
    if (inApproval.length) {
      throw phiFindingsError(inApproval, {
        message: "The comment looks like it names a patient: an approval comment cannot hold an identifier",
        confirmable: false,
        fieldErrors: { comment: ["Remove the patient identifier from your comment"] },
      });
    }
    // Similarity is read before the transaction (embedded PGlite serialises connections); the
    // version check inside it ties the instruction scored to the version approved.
    const current = await db().seed.findFirst({
      where: { AND: [{ id }, visibleSeedsWhere(user)] },
      select: { instruction: true, version: true },
    });
    if (current) {
      near = await findNearDuplicates(current.instruction, id, user.id);
      scoredVersion = current.version;
    }
  }
  return db().$transaction(async (tx) => {
    const seed = await loadSeedForUpdate(tx, user, id);
    if (seed.authorId === user.id) throw forbidden("Authors cannot review their own seeds");
    if (seed.status !== "SUBMITTED") throw new AppError("CONFLICT", "Only submitted seeds can be reviewed");
    if (
      seed.version !== input.baseVersion ||
      (input.decision === "APPROVE" && seed.version !== scoredVersion)
    ) {
      throw conflict("The author saved a newer version while you were reviewing. Read it and review again.", {
        currentVersion: seed.version,
      });
    }
    if (input.decision === "APPROVE") {
      const decisions = await tx.seedPhiDecision.findMany({
        where: { seedId: id },
        select: { field: true, fingerprint: true, decision: true },
      });
      const comments = await tx.seedReview.findMany({ where: { seedId: id }, select: { comment: true } });
      const open = unresolvedFindings(
        seedPhiFindings(
          seedToSnapshot(seed),
          comments.map((c) => c.comment),
        ),
        decisions,
      );
      if (open.length) {
        throw new AppError(
          "CONFLICT",
          "Possible PHI must be fixed or marked a false positive before approval",
          {
            extra: {
              phiFindings: open.map((f) => ({ field: f.field, kind: f.kind, fingerprint: f.fingerprint })),
            },
          },
        );
      }
      checkSeedReady(seed, near, "The seed is not complete enough to approve: request changes instead");
    }
    const now = new Date();
    const status = input.decision === "APPROVE" ? ("APPROVED" as const) : ("CHANGES_REQUESTED" as const);
    const review = await tx.seedReview.create({
      data: {
        seedId: id,
        version: seed.version,
        reviewerId: user.id,
        decision: input.decision,
        comment: input.comment || null,
      },
    });
    await recordPhiConfirmations(tx, user.id, { entityType: "seed_review", entityId: review.id }, findings);
    await tx.seed.update({
      where: { id },
      data: status === "APPROVED" ? { status, approvedAt: now, approvedById: user.id } : { status },
    });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: input.decision === "APPROVE" ? "seed.approve" : "seed.request_changes",
      entityType: "seed",
      entityId: id,
      before: { status: seed.status },
      after: { status, version: seed.version, comment: input.comment || null },
    });
    if (status === "APPROVED")
      await emitWebhookEvent(tx, { type: "seed.approved", data: { seedId: id, version: seed.version } });
    return { id, status, version: seed.version };
  });
}

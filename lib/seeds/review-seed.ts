import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, conflict, forbidden } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { loadSeedForUpdate } from "./load-seed";
import { seedPhiFindings, unresolvedFindings } from "./phi-findings";
import type { TReviewSeed } from "./schemas";
import { seedToSnapshot } from "./seed-to-snapshot";

/** A clinician other than the author approves or requests changes on the version they read. */
export async function reviewSeed(user: TCurrentUser, id: string, input: TReviewSeed, ctx: TRequestContext) {
  return db().$transaction(async (tx) => {
    const seed = await loadSeedForUpdate(tx, user, id);
    if (seed.authorId === user.id) throw forbidden("Authors cannot review their own seeds");
    if (seed.status !== "SUBMITTED") throw new AppError("CONFLICT", "Only submitted seeds can be reviewed");
    if (seed.version !== input.baseVersion) {
      throw conflict("The author saved a newer version while you were reviewing. Read it and review again.", {
        currentVersion: seed.version,
      });
    }
    if (input.decision === "APPROVE") {
      const decisions = await tx.seedPhiDecision.findMany({ where: { seedId: id }, select: { field: true, fingerprint: true } });
      const open = unresolvedFindings(seedPhiFindings(seedToSnapshot(seed)), decisions);
      if (open.length) {
        throw new AppError("CONFLICT", "Possible PHI must be fixed or marked a false positive before approval", {
          extra: { phiFindings: open.map((f) => ({ field: f.field, kind: f.kind, fingerprint: f.fingerprint })) },
        });
      }
    }
    const now = new Date();
    const status = input.decision === "APPROVE" ? ("APPROVED" as const) : ("CHANGES_REQUESTED" as const);
    await tx.seedReview.create({
      data: { seedId: id, version: seed.version, reviewerId: user.id, decision: input.decision, comment: input.comment || null },
    });
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
    return { id, status, version: seed.version };
  });
}

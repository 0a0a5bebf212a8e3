import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { forbidden, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { loadSeedForUpdate } from "./load-seed";
import { PHI_FALSE_POSITIVE, seedPhiFindings } from "./phi-findings";
import type { TPhiFindingRef } from "./phi-schemas";
import { seedToSnapshot } from "./seed-to-snapshot";

/** A reviewer (never the author) rules a finding benign, which lets approval proceed. */
export async function markPhiFalsePositive(
  user: TCurrentUser,
  seedId: string,
  ref: TPhiFindingRef,
  ctx: TRequestContext,
) {
  return db().$transaction(async (tx) => {
    const seed = await loadSeedForUpdate(tx, user, seedId);
    if (seed.authorId === user.id) throw forbidden("Another clinician must rule on PHI in your seed");
    const reviews = await tx.seedReview.findMany({ where: { seedId }, select: { comment: true } });
    const findings = seedPhiFindings(
      seedToSnapshot(seed),
      reviews.map((r) => r.comment),
    );
    const finding = findings.find((f) => f.field === ref.field && f.fingerprint === ref.fingerprint);
    if (!finding) throw notFound("Finding");
    await tx.seedPhiDecision.upsert({
      where: { seedId_field_fingerprint: { seedId, field: ref.field, fingerprint: ref.fingerprint } },
      create: {
        seedId,
        field: ref.field,
        fingerprint: ref.fingerprint,
        kind: finding.kind,
        decision: PHI_FALSE_POSITIVE,
        decidedById: user.id,
      },
      update: { decision: PHI_FALSE_POSITIVE, decidedById: user.id },
    });
    // The fingerprint identifies the finding without repeating the text in the audit trail.
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "seed.phi_false_positive",
      entityType: "seed",
      entityId: seedId,
      after: { field: ref.field, kind: finding.kind, fingerprint: ref.fingerprint },
    });
    return { ok: true };
  });
}

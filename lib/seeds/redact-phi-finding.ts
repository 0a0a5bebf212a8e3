import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { diffSnapshots } from "./diff-snapshots";
import { loadSeedForUpdate } from "./load-seed";
import { redactSeedText, seedPhiFindings } from "./phi-findings";
import type { TPhiFindingRef } from "./phi-schemas";
import { redactSeedHistory } from "./redact-seed-history";
import { snapshotJson } from "./seed-snapshot";
import { seedToSnapshot } from "./seed-to-snapshot";

/**
 * Fixes a PHI finding everywhere it was ever stored for this seed: the seed itself (as a new
 * version), every earlier version, autosaved drafts, review comments and the audit trail's
 * before/after JSON. The redaction is recorded by fingerprint, never by the identifier itself.
 */
export async function redactPhiFinding(
  user: TCurrentUser,
  seedId: string,
  ref: TPhiFindingRef,
  ctx: TRequestContext,
) {
  return db().$transaction(async (tx) => {
    const seed = await loadSeedForUpdate(tx, user, seedId);
    if (seed.status === "APPROVED" || seed.status === "RETIRED")
      throw new AppError("CONFLICT", "Approved seeds are frozen");
    const before = seedToSnapshot(seed);
    const reviews = await tx.seedReview.findMany({ where: { seedId }, select: { comment: true } });
    const all = seedPhiFindings(
      before,
      reviews.map((r) => r.comment),
    );
    const finding = all.find((f) => f.field === ref.field && f.fingerprint === ref.fingerprint);
    if (!finding) throw notFound("Finding");
    // The same identifier may also appear in the other fields: it goes everywhere at once.
    const literals = [finding.text];
    const fixed = redactSeedText(before, literals);
    let version = seed.version;
    // An identifier only in a review comment leaves the seed as it is: no new version, so a
    // reviewer's open page (version-checked) stays current.
    if (diffSnapshots(before, fixed).length) {
      version = seed.version + 1;
      await tx.seed.update({
        where: { id: seedId },
        data: {
          instruction: fixed.instruction,
          input: fixed.input || null,
          referenceAnswer: fixed.referenceAnswer || null,
          authorNotes: fixed.authorNotes || null,
          duplicateReason: fixed.duplicateReason || null,
          specialtyTags: fixed.specialtyTags,
          version,
        },
      });
      await tx.seedVersion.create({
        data: { seedId, version, snapshot: snapshotJson(fixed), savedById: user.id, status: seed.status },
      });
    }
    const redacted = await redactSeedHistory(tx, ctx, {
      actorId: user.id,
      seedId,
      findings: all.filter((f) => f.text === finding.text),
      version,
      via: "redact",
    });
    return { id: seedId, version, ...redacted };
  });
}

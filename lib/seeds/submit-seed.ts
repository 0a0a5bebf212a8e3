import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, conflict, notFound, type TFieldErrors } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { NEAR_DUPLICATE_THRESHOLD } from "@/lib/similarity";
import { findSimilarSeeds } from "./find-similar-seeds";
import { loadSeedForUpdate } from "./load-seed";

/** Draft or changes-requested → submitted, once complete; a near duplicate needs a stated reason. */
export async function submitSeed(user: TCurrentUser, id: string, baseVersion: number, ctx: TRequestContext) {
  // Similarity is read before the transaction (embedded PGlite serialises connections); the
  // version check inside it guarantees the instruction scored is the one submitted.
  const current = await db().seed.findFirst({ where: { id, authorId: user.id }, select: { instruction: true, version: true } });
  if (!current) throw notFound("Seed");
  const near = (await findSimilarSeeds({ text: current.instruction, excludeId: id })).filter((m) => m.score > NEAR_DUPLICATE_THRESHOLD);
  return db().$transaction(async (tx) => {
    const seed = await loadSeedForUpdate(tx, user, id);
    if (seed.authorId !== user.id) throw notFound("Seed");
    if (seed.status !== "DRAFT" && seed.status !== "CHANGES_REQUESTED") {
      throw new AppError("CONFLICT", `A ${seed.status.toLowerCase()} seed cannot be submitted`);
    }
    if (seed.version !== baseVersion || seed.version !== current.version) throw conflict("Save your latest changes before submitting", { currentVersion: seed.version });
    const errors: TFieldErrors = {};
    if (!seed.topicId) errors.topicId = ["Choose a topic"];
    if (!seed.viewId) errors.viewId = ["Choose a view"];
    if (!seed.typeId) errors.typeId = ["Choose a type"];
    if (!seed.instruction.trim()) errors.instruction = ["Write the instruction"];
    if (!seed.difficulty) errors.difficulty = ["Rate the difficulty"];
    if (near.length && !seed.duplicateReason) {
      errors.duplicateReason = [`This seed is very similar to an existing one (ROUGE-L ${near[0]?.score.toFixed(2)}): say why it is needed`];
    }
    if (Object.keys(errors).length) {
      throw new AppError("VALIDATION", "The seed is not ready to submit", { fieldErrors: errors, extra: { similar: near } });
    }
    const now = new Date();
    await tx.seed.update({ where: { id }, data: { status: "SUBMITTED", submittedAt: now } });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "seed.submit",
      entityType: "seed",
      entityId: id,
      before: { status: seed.status },
      after: { status: "SUBMITTED", version: seed.version },
    });
    return { id, status: "SUBMITTED" as const, version: seed.version };
  });
}

import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, conflict, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { checkSeedReady, findNearDuplicates } from "./check-seed-ready";
import { loadSeedForUpdate } from "./load-seed";

/** Draft or changes-requested → submitted, once complete; a near duplicate needs a stated reason. */
export async function submitSeed(user: TCurrentUser, id: string, baseVersion: number, ctx: TRequestContext) {
  // Similarity is read before the transaction (embedded PGlite serialises connections); the
  // version check inside it guarantees the instruction scored is the one submitted.
  const current = await db().seed.findFirst({
    where: { id, authorId: user.id },
    select: { instruction: true, version: true },
  });
  if (!current) throw notFound("Seed");
  const near = await findNearDuplicates(current.instruction, id, user.id);
  return db().$transaction(async (tx) => {
    const seed = await loadSeedForUpdate(tx, user, id);
    if (seed.authorId !== user.id) throw notFound("Seed");
    if (seed.status !== "DRAFT" && seed.status !== "CHANGES_REQUESTED") {
      throw new AppError("CONFLICT", `A ${seed.status.toLowerCase()} seed cannot be submitted`);
    }
    if (seed.version !== baseVersion || seed.version !== current.version)
      throw conflict("Save your latest changes before submitting", { currentVersion: seed.version });
    checkSeedReady(seed, near, "The seed is not ready to submit");
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

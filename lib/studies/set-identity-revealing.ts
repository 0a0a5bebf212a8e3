import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";

/**
 * The admin's explicit, audited choice before the start: hand out comparisons whose outputs name
 * their model (include), or hold them back (the default). The start reads it.
 */
export async function setIdentityRevealing(
  user: TCurrentUser,
  studyId: string,
  include: boolean,
  ctx: TRequestContext,
) {
  return db().$transaction(async (tx) => {
    // The row lock the start takes too: a choice racing a start either lands before it (and the
    // start uses it) or sees the study started, never recorded after the start ignored it.
    await tx.$queryRaw`SELECT id FROM "Study" WHERE id = ${studyId}::uuid FOR UPDATE`;
    const study = await tx.study.findUnique({
      where: { id: studyId },
      select: { status: true, includeIdentityRevealing: true },
    });
    if (!study) throw notFound("Study");
    if (study.status !== "DRAFT")
      throw new AppError("CONFLICT", "The study has already started: what raters are handed out is fixed");
    const outputs = await tx.studyOutput.findMany({
      where: { prompt: { studyId }, revealsIdentity: true },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    await tx.study.update({ where: { id: studyId }, data: { includeIdentityRevealing: include } });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: include ? "study.include_identity_revealing" : "study.hold_back_identity_revealing",
      entityType: "study",
      entityId: studyId,
      before: { include: study.includeIdentityRevealing },
      after: { include, outputIds: outputs.map((o) => o.id) },
    });
    return { include, outputs: outputs.length };
  });
}

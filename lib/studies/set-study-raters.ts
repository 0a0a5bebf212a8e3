import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { checkRaters } from "@/lib/studies/check-raters";

/**
 * Names the clinicians who may rate (an empty list opens the study to every clinician). Allowed
 * until the study closes, so a rater who drops out can be replaced; someone taken off the list
 * gets no new comparisons, and their open lease lapses back to the queue.
 */
export async function setStudyRaters(
  user: TCurrentUser,
  studyId: string,
  raterIds: readonly string[],
  ctx: TRequestContext,
) {
  return db().$transaction(async (tx) => {
    const study = await tx.study.findUnique({
      where: { id: studyId },
      select: { status: true, raters: { select: { userId: true } } },
    });
    if (!study) throw notFound("Study");
    if (study.status === "CLOSED") throw new AppError("CONFLICT", "The study is closed");
    const ids = await checkRaters(tx, raterIds);
    await tx.studyRater.deleteMany({ where: { studyId } });
    if (ids.length) await tx.studyRater.createMany({ data: ids.map((userId) => ({ studyId, userId })) });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "study.set_raters",
      entityType: "study",
      entityId: studyId,
      before: { raterIds: study.raters.map((r) => r.userId).sort() },
      after: { raterIds: [...ids].sort() },
    });
    return { raterIds: ids };
  });
}

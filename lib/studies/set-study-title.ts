import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { checkTitle } from "@/lib/studies/check-title";

/** Renames what raters see (until the study closes), checked against every model of the study. */
export async function setStudyTitle(
  user: TCurrentUser,
  studyId: string,
  title: string,
  ctx: TRequestContext,
) {
  return db().$transaction(async (tx) => {
    const study = await tx.study.findUnique({
      where: { id: studyId },
      select: { status: true, title: true, referenceModel: true },
    });
    if (!study) throw notFound("Study");
    if (study.status === "CLOSED") throw new AppError("CONFLICT", "The study is closed");
    const outputs = await tx.studyOutput.findMany({
      where: { prompt: { studyId } },
      distinct: ["model"],
      select: { model: true },
    });
    checkTitle(title, [
      ...outputs.map((o) => o.model),
      ...(study.referenceModel ? [study.referenceModel] : []),
    ]);
    await tx.study.update({ where: { id: studyId }, data: { title } });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "study.set_title",
      entityType: "study",
      entityId: studyId,
      before: { title: study.title },
      after: { title },
    });
    return { title };
  });
}

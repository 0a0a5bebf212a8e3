import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import type { StudyStatus } from "@/lib/generated/prisma/enums";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";

const TRANSITIONS: Record<"pause" | "resume" | "close", { from: StudyStatus[]; to: StudyStatus }> = {
  pause: { from: ["ACTIVE"], to: "PAUSED" },
  resume: { from: ["PAUSED"], to: "ACTIVE" },
  close: { from: ["ACTIVE", "PAUSED"], to: "CLOSED" },
};

export async function setStudyStatus(
  user: TCurrentUser,
  studyId: string,
  action: "pause" | "resume" | "close",
  ctx: TRequestContext,
) {
  const t = TRANSITIONS[action];
  return db().$transaction(async (tx) => {
    const study = await tx.study.findUnique({ where: { id: studyId }, select: { status: true } });
    if (!study) throw notFound("Study");
    const moved = await tx.study.updateMany({
      where: { id: studyId, status: { in: t.from } },
      data: { status: t.to, ...(t.to === "CLOSED" ? { closedAt: new Date() } : {}) },
    });
    if (moved.count === 0)
      throw new AppError("CONFLICT", `A ${study.status.toLowerCase()} study cannot ${action}`);
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: `study.${action}`,
      entityType: "study",
      entityId: studyId,
      before: { status: study.status },
      after: { status: t.to },
    });
    if (t.to === "CLOSED") {
      const [comparisons, currentJudgements] = await Promise.all([
        tx.studyComparison.count({ where: { studyId } }),
        tx.studyJudgement.count({ where: { comparison: { studyId }, supersededAt: null } }),
      ]);
      await emitWebhookEvent(tx, { type: "study.closed", data: { studyId, comparisons, currentJudgements } });
    }
    return { status: t.to };
  });
}

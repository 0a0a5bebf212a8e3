import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import type { TStudyAllocation } from "@/lib/studies/schemas";

/**
 * Changes a draft study's allocation (issue 17). Fixed once the study starts (409): the choice log
 * and the analysis assume one design from the first comparison on.
 */
export async function setStudyAllocation(
  user: TCurrentUser,
  studyId: string,
  input: TStudyAllocation,
  ctx: TRequestContext,
) {
  const allocationGoal = input.allocation === "adaptive" ? (input.allocationGoal ?? null) : null;
  return db().$transaction(async (tx) => {
    // The row lock the start takes too, so a change cannot land after a concurrent start.
    await tx.$queryRaw`SELECT id FROM "Study" WHERE id = ${studyId}::uuid FOR UPDATE`;
    const study = await tx.study.findUnique({
      where: { id: studyId },
      select: { status: true, allocation: true, allocationGoal: true },
    });
    if (!study) throw notFound("Study");
    if (study.status !== "DRAFT")
      throw new AppError("CONFLICT", "The study has already started: its allocation is fixed");
    await tx.study.update({ where: { id: studyId }, data: { allocation: input.allocation, allocationGoal } });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "study.set_allocation",
      entityType: "study",
      entityId: studyId,
      before: { allocation: study.allocation, allocationGoal: study.allocationGoal },
      after: { allocation: input.allocation, allocationGoal },
    });
    return { allocation: input.allocation, allocationGoal };
  });
}

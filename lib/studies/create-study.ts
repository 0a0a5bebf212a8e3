import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { checkRaters } from "@/lib/studies/check-raters";
import { checkTitle, defaultStudyTitle } from "@/lib/studies/check-title";
import type { TCreateStudy } from "@/lib/studies/schemas";

export async function createStudy(user: TCurrentUser, input: TCreateStudy, ctx: TRequestContext) {
  const reference = input.design === "vs_reference" ? (input.reference ?? null) : null;
  // The only model known before outputs are imported; import and start check the title again.
  if (input.title) checkTitle(input.title, reference ? [reference] : []);
  return db().$transaction(async (tx) => {
    const raterIds = await checkRaters(tx, input.raterIds ?? []);
    const study = await tx.study.create({
      data: {
        name: input.name,
        title: input.title ?? "",
        criteria: input.criteria,
        design: input.design,
        referenceModel: reference,
        ratingsPerComparison: input.ratingsPerComparison,
        allowTie: input.allowTie,
        allowBothBad: input.allowBothBad,
        rationale: input.rationale,
        attentionCheckShare: input.attentionCheckShare,
        repeatShare: input.repeatShare,
        leaseMinutes: input.leaseMinutes,
        seed: input.seed ?? randomBytes(8).toString("hex"),
        allocation: input.allocation,
        // Only an adaptive study has a goal (a CHECK in the database says so too).
        allocationGoal: input.allocation === "adaptive" ? (input.allocationGoal ?? null) : null,
        createdById: user.id,
        raters: raterIds.length ? { create: raterIds.map((userId) => ({ userId })) } : undefined,
      },
    });
    // The number exists only once the row does: the neutral default title is set right after.
    const created = input.title
      ? study
      : await tx.study.update({ where: { id: study.id }, data: { title: defaultStudyTitle(study.number) } });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "study.create",
      entityType: "study",
      entityId: study.id,
      after: {
        name: created.name,
        title: created.title,
        design: created.design,
        allocation: created.allocation,
        allocationGoal: created.allocationGoal,
        raterIds,
      },
    });
    return created;
  });
}

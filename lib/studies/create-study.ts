import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { checkRaters } from "@/lib/studies/check-raters";
import type { TCreateStudy } from "@/lib/studies/schemas";

export async function createStudy(user: TCurrentUser, input: TCreateStudy, ctx: TRequestContext) {
  return db().$transaction(async (tx) => {
    const raterIds = await checkRaters(tx, input.raterIds ?? []);
    const study = await tx.study.create({
      data: {
        name: input.name,
        criteria: input.criteria,
        design: input.design,
        referenceModel: input.design === "vs_reference" ? (input.reference ?? null) : null,
        ratingsPerComparison: input.ratingsPerComparison,
        allowTie: input.allowTie,
        allowBothBad: input.allowBothBad,
        rationale: input.rationale,
        attentionCheckShare: input.attentionCheckShare,
        repeatShare: input.repeatShare,
        leaseMinutes: input.leaseMinutes,
        seed: input.seed ?? randomBytes(8).toString("hex"),
        createdById: user.id,
        raters: raterIds.length ? { create: raterIds.map((userId) => ({ userId })) } : undefined,
      },
    });
    await recordAudit(tx, ctx, { actorId: user.id, action: "study.create", entityType: "Study", entityId: study.id, after: { name: study.name, design: study.design, raterIds } });
    return study;
  });
}

import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { createQueueItems } from "@/lib/queue";
import { planComparisons } from "@/lib/studies/plan-comparisons";
import { studyCriteria } from "@/lib/studies/study-criteria";
import { checkTitle } from "@/lib/studies/check-title";
import { checkStoredGuidelines } from "@/lib/guidelines/check-stored-guidelines";
import { titleNamesModel } from "@/lib/studies/title-names-model";

export async function startStudy(user: TCurrentUser, studyId: string, ctx: TRequestContext) {
  return db().$transaction(
    async (tx) => {
      // The row lock makes two concurrent starts queue up; the second sees ACTIVE and stops.
      await tx.$queryRaw`SELECT id FROM "Study" WHERE id = ${studyId}::uuid FOR UPDATE`;
      const study = await tx.study.findUnique({ where: { id: studyId } });
      if (!study) throw notFound("Study");
      if (study.status !== "DRAFT") throw new AppError("CONFLICT", "The study has already started");
      const prompts = await tx.studyPrompt.findMany({
        where: { studyId },
        select: { id: true, outputs: { select: { model: true, revealsIdentity: true } } },
      });
      const models = [...new Set(prompts.flatMap((p) => p.outputs.map((o) => o.model)))];
      if (models.length < 2)
        throw new AppError("VALIDATION", "Import the outputs of at least two models first");
      if (study.design === "vs_reference" && !models.includes(study.referenceModel ?? "")) {
        throw new AppError(
          "VALIDATION",
          `No outputs of the reference model ${study.referenceModel ?? ""} were imported`,
        );
      }
      // Raters see the title and the criteria, never the internal name.
      checkTitle(study.title, models);
      // The same check as the title's: "sounds more like Claude" names claude-2 as surely as "Claude 2".
      const named = [
        ...new Set(
          studyCriteria(study.criteria).flatMap((c) => [
            ...titleNamesModel(c.label, models),
            ...titleNamesModel(c.description, models),
          ]),
        ),
      ];
      if (named.length) {
        throw new AppError(
          "VALIDATION",
          `Raters see the criteria, and they name ${named.join(", ")}: rename them first`,
        );
      }
      await checkStoredGuidelines(tx, study.id, models);
      const plan = planComparisons({
        prompts: prompts.map((p) => ({
          id: p.id,
          models: p.outputs.map((o) => o.model),
          revealing: p.outputs.filter((o) => o.revealsIdentity).map((o) => o.model),
        })),
        models,
        design: study.design === "vs_reference" ? "vs_reference" : "all_pairs",
        reference: study.referenceModel,
        attentionCheckShare: study.attentionCheckShare,
        seed: study.seed,
        includeRevealing: study.includeIdentityRevealing,
      });
      if (plan.comparisons.length === 0) {
        throw new AppError(
          "VALIDATION",
          plan.heldBack.length
            ? "Every comparison has an output that names its model: include those outputs explicitly to start"
            : "No prompt has outputs from both models of any pair",
        );
      }
      const itemIds = await createQueueItems(tx, {
        queueId: study.id,
        seed: study.seed,
        items: plan.comparisons.map(() => ({ capacity: study.ratingsPerComparison })),
      });
      await tx.studyComparison.createMany({
        data: plan.comparisons.map((c, i) => ({
          studyId,
          promptId: c.promptId,
          modelA: c.modelA,
          modelB: c.modelB,
          kind: c.kind,
          degradedModel: c.degradedModel,
          queueItemId: itemIds[i] as string,
        })),
      });
      // Kept, not dropped: the results report what raters never saw.
      if (plan.heldBack.length)
        await tx.studyHeldBack.createMany({ data: plan.heldBack.map((h) => ({ studyId, ...h })) });
      await tx.study.update({ where: { id: studyId }, data: { status: "ACTIVE", startedAt: new Date() } });
      const summary = {
        comparisons: plan.comparisons.filter((c) => c.kind === "regular").length,
        attentionChecks: plan.comparisons.filter((c) => c.kind === "attention").length,
        heldBack: plan.heldBack.length,
        skippedPrompts: plan.skipped,
        models: models.sort(),
      };
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "study.start",
        entityType: "study",
        entityId: studyId,
        after: {
          ...summary,
          skippedPrompts: plan.skipped.length,
          includeIdentityRevealing: study.includeIdentityRevealing,
        },
      });
      return summary;
    },
    { timeout: 60_000 },
  );
}

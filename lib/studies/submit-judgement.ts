import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { guardWrittenText, recordPhiConfirmations } from "@/lib/phi-guard/guard-written-text";
import { createQueueItems } from "@/lib/queue";
import type { TAssignmentRef, TQueueSubmit } from "@/lib/queue/queue-feature";
import { createRng } from "@/lib/random";
import { toModelChoice } from "@/lib/studies/choose-shown-left";
import { studyCriteria } from "@/lib/studies/study-criteria";
import { guidelineVersionOf } from "@/lib/guidelines/require-acknowledged";
import type { TJudgementInput } from "@/lib/studies/schemas";

export type TJudgementResult = { status: "submitted" | "already_submitted"; judgements: number };

const REPEAT_GAP = 10;

function validate(
  input: TJudgementInput,
  study: { criteria: unknown; allowTie: boolean; allowBothBad: boolean; rationale: string },
): void {
  const keys = studyCriteria(study.criteria).map((c) => c.key);
  const errors: Record<string, string[]> = {};
  for (const key of keys) {
    const choice = input.choices[key];
    if (!choice) errors[`choices.${key}`] = ["Choose an answer"];
    else if (choice === "tie" && !study.allowTie)
      errors[`choices.${key}`] = ["Ties are not allowed in this study"];
    else if (choice === "both_bad" && !study.allowBothBad)
      errors[`choices.${key}`] = ["“Both bad” is not allowed in this study"];
  }
  for (const key of Object.keys(input.choices))
    if (!keys.includes(key)) errors[`choices.${key}`] = ["Unknown criterion"];
  if (study.rationale === "required" && !input.rationale) errors.rationale = ["Give a short rationale"];
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION", "The judgement is incomplete", { fieldErrors: errors });
}

async function loadTarget(tx: TTx, ref: TAssignmentRef) {
  const a = await tx.queueAssignment.findFirst({
    where: { id: ref.assignmentId, userId: ref.user.id },
    include: {
      item: { include: { comparison: { include: { study: true } } } },
      studySides: { select: { shownLeft: true } },
    },
  });
  const comparison = a?.item.comparison;
  if (!a || !comparison) return null;
  return {
    claimedAt: a.claimedAt,
    position: a.item.position,
    comparison,
    study: comparison.study,
    shownLeft: a.studySides?.shownLeft ?? null,
  };
}
type TJudgementTarget = NonNullable<Awaited<ReturnType<typeof loadTarget>>>;

function shownSide(t: TJudgementTarget): "A" | "B" {
  if (t.shownLeft !== "A" && t.shownLeft !== "B")
    throw new AppError("CONFLICT", "This assignment was never shown");
  return t.shownLeft;
}

/**
 * What a judgement submit writes: one rater's verdicts for an assignment. Labels are what the rater
 * saw (A = left); they are stored in model terms. A repeat of an already submitted assignment
 * changes nothing and answers already_submitted. lib/queue runs it in the submit's transaction.
 */
export const judgementSubmit: TQueueSubmit<TJudgementInput, TJudgementTarget, TJudgementResult> = {
  async load(tx, ref) {
    const target = await loadTarget(tx, ref);
    // A DRAFT study has no items; only CLOSED refuses a submit.
    return target
      ? { status: target.study.status === "DRAFT" ? "PAUSED" : target.study.status, target }
      : null;
  },
  check(input, target) {
    validate(input, target.study);
    shownSide(target);
  },
  async replay(tx, { assignmentId }) {
    return {
      status: "already_submitted",
      judgements: await tx.studyJudgement.count({ where: { assignmentId, supersededAt: null } }),
    };
  },
  async write(tx, { user, assignmentId }, input, target, ctx) {
    const { comparison, study } = target;
    const shownLeft = shownSide(target);
    const keys = studyCriteria(study.criteria).map((c) => c.key);
    // A refusal rolls the whole transaction back: the assignment stays open (and a 422 stores no
    // Idempotency-Key), so a retry with phiConfirmed goes through.
    const findings = guardWrittenText([{ field: "rationale", text: input.rationale }], input.phiConfirmed);
    await recordPhiConfirmations(
      tx,
      user.id,
      { entityType: "study_judgement", entityId: assignmentId },
      findings,
    );
    const elapsed = Math.max(0, Date.now() - target.claimedAt.getTime());
    const durationMs = Math.min(input.durationMs ?? elapsed, elapsed);
    // After an undo (reopen-judgement.ts) this is a revision: the superseded rows link to it.
    const previous = await tx.studyJudgement.findMany({
      where: { assignmentId, supersededAt: { not: null }, supersededById: null },
      select: { id: true, criterion: true, revision: true },
    });
    const revision = Math.max(0, ...previous.map((p) => p.revision)) + 1;
    const guidelineVersion = await guidelineVersionOf(tx, assignmentId);
    const created = await tx.studyJudgement.createManyAndReturn({
      select: { id: true, criterion: true },
      data: keys.map((criterion) => ({
        revision,
        comparisonId: comparison.id,
        assignmentId,
        raterId: user.id,
        criterion,
        choice: toModelChoice(input.choices[criterion] ?? "tie", shownLeft),
        shownLeft,
        rationale: input.rationale ?? null,
        durationMs,
        guidelineVersion,
      })),
    });
    for (const p of previous) {
      const next = created.find((c) => c.criterion === p.criterion);
      if (next) await tx.studyJudgement.update({ where: { id: p.id }, data: { supersededById: next.id } });
    }
    if (
      previous.length === 0 &&
      comparison.kind === "regular" &&
      study.repeatShare > 0 &&
      createRng(`${study.seed}:repeat:${assignmentId}`, "xoshiro128**").nextFloat() < study.repeatShare
    ) {
      // The repeat is the same pair for the same person, later in their queue, sides swapped at claim.
      const [itemId] = await createQueueItems(tx, {
        queueId: study.id,
        seed: `${study.seed}:${assignmentId}`,
        items: [{ capacity: 1, onlyForUserId: user.id }],
      });
      // A little later in the claim order than the original, rather than at the very end.
      await tx.queueItem.update({
        where: { id: itemId as string },
        data: { position: target.position + REPEAT_GAP },
      });
      await tx.studyComparison.create({
        data: {
          studyId: study.id,
          promptId: comparison.promptId,
          modelA: comparison.modelA,
          modelB: comparison.modelB,
          kind: "repeat",
          repeatOfId: comparison.id,
          queueItemId: itemId as string,
        },
      });
    }
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "study.judgement",
      entityType: "queue_assignment",
      entityId: assignmentId,
      after: { studyId: study.id, criteria: keys.length, ...(previous.length ? { revision } : {}) },
    });
    return { status: "submitted", judgements: keys.length };
  },
};

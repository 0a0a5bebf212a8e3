import "server-only";
import { randomUUID } from "node:crypto";
import type { PgTx } from "@/lib/db/pg-transaction";
import { sql } from "@/lib/db/sql";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import { guardWrittenText, recordPhiConfirmations } from "@/lib/phi-guard/guard-written-text";
import { createQueueItems } from "@/lib/queue";
import type { TAssignmentRef, TQueueSubmit } from "@/lib/queue/queue-feature";
import { createRng } from "@/lib/random";
import { toModelChoice } from "@/lib/studies/choose-shown-left";
import { insertJudgements } from "@/lib/studies/insert-judgements";
import { studyCriteria } from "@/lib/studies/study-criteria";
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

type TTargetRow = {
  claimedAt: Date;
  position: number;
  shownLeft: string | null;
  comparisonId: string;
  kind: string;
  promptId: string;
  modelA: string;
  modelB: string;
  studyId: string;
  status: "DRAFT" | "ACTIVE" | "PAUSED" | "CLOSED";
  criteria: unknown;
  allowTie: boolean;
  allowBothBad: boolean;
  rationale: string;
  repeatShare: number;
  seed: string;
};

async function loadTarget(tx: PgTx, ref: TAssignmentRef) {
  const [a] = await tx.rows<TTargetRow>(sql`
    SELECT a."claimedAt", qi.position, ss."shownLeft"::text AS "shownLeft",
           sc.id AS "comparisonId", sc.kind::text AS kind, sc."promptId", sc."modelA", sc."modelB",
           s.id AS "studyId", s.status::text AS status, s.criteria, s."allowTie", s."allowBothBad",
           s.rationale, s."repeatShare", s.seed
      FROM "QueueAssignment" a
      JOIN "QueueItem" qi ON qi.id = a."itemId"
      JOIN "StudyComparison" sc ON sc."queueItemId" = qi.id
      JOIN "Study" s ON s.id = sc."studyId"
      LEFT JOIN "StudyAssignmentSides" ss ON ss."assignmentId" = a.id
     WHERE a.id = ${ref.assignmentId}::uuid AND a."userId" = ${ref.user.id}::uuid`);
  if (!a) return null;
  return {
    claimedAt: a.claimedAt,
    position: a.position,
    comparison: {
      id: a.comparisonId,
      kind: a.kind,
      promptId: a.promptId,
      modelA: a.modelA,
      modelB: a.modelB,
    },
    study: {
      id: a.studyId,
      status: a.status,
      criteria: a.criteria,
      allowTie: a.allowTie,
      allowBothBad: a.allowBothBad,
      rationale: a.rationale,
      repeatShare: a.repeatShare,
      seed: a.seed,
    },
    shownLeft: a.shownLeft,
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
    const [r] = await tx.rows<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM "StudyJudgement"
       WHERE "assignmentId" = ${assignmentId}::uuid AND "supersededAt" IS NULL`);
    return { status: "already_submitted", judgements: r?.n ?? 0 };
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
    const { revision, revised } = await insertJudgements(tx, {
      comparisonId: comparison.id,
      assignmentId,
      raterId: user.id,
      rows: keys.map((criterion) => ({
        criterion,
        choice: toModelChoice(input.choices[criterion] ?? "tie", shownLeft),
      })),
      shownLeft,
      rationale: input.rationale ?? null,
      durationMs,
    });
    if (
      !revised &&
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
      // A little later in the claim order than the original, rather than at the very end; the
      // comparison row as Prisma's defaults would give it (uuid()).
      await tx.rows(sql`
        WITH moved AS (
          UPDATE "QueueItem" SET position = ${target.position + REPEAT_GAP}::int WHERE id = ${itemId as string}::uuid)
        INSERT INTO "StudyComparison" (id, "studyId", "promptId", "modelA", "modelB", kind, "repeatOfId", "queueItemId")
        VALUES (${randomUUID()}::uuid, ${study.id}::uuid, ${comparison.promptId}::uuid, ${comparison.modelA},
                ${comparison.modelB}, 'repeat', ${comparison.id}::uuid, ${itemId as string}::uuid)`);
    }
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "study.judgement",
      entityType: "queue_assignment",
      entityId: assignmentId,
      after: { studyId: study.id, criteria: keys.length, ...(revised ? { revision } : {}) },
    });
    return { status: "submitted", judgements: keys.length };
  },
};

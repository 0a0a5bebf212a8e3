import "server-only";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { claimNextItem } from "@/lib/queue";
import { chooseShownLeft } from "@/lib/studies/choose-shown-left";
import { degradeOutput } from "@/lib/studies/degrade-output";
import { studyForRater } from "@/lib/studies/rater-access";
import { readRatingDraft } from "@/lib/studies/rating-draft";
import { studyCriteria } from "@/lib/studies/study-criteria";
import type { TQueueClient } from "@/lib/queue";
import type { TRatingDraft } from "@/lib/studies/schemas";

/**
 * What a rater's browser receives. Blinding: only the prompt, the two texts as "A" (left) and
 * "B" (right), the criteria and the options. No model name, output id or comparison id.
 */
export type TBlindedAssignment = {
  assignmentId: string;
  resumed: boolean;
  leaseExpiresAt: string;
  prompt: { instruction: string; input: string };
  responses: [{ label: "A"; text: string }, { label: "B"; text: string }];
  criteria: { key: string; label: string; description: string }[];
  options: { allowTie: boolean; allowBothBad: boolean; rationale: string };
  progress: { submitted: number };
  /** The rater's autosaved, unsubmitted choices (shown labels) and rationale, restored on reload. */
  draft: TRatingDraft | null;
};

async function decideShownLeft(client: TQueueClient, studyId: string, assignmentId: string, userId: string, c: { modelA: string; modelB: string; repeatOfId: string | null }) {
  if (c.repeatOfId) {
    // A consistency repeat shows the same pair with sides swapped.
    const original = await client.studyJudgement.findFirst({ where: { comparisonId: c.repeatOfId, raterId: userId }, select: { shownLeft: true } });
    if (original) return original.shownLeft === "A" ? "B" : "A";
  }
  const rows = await client.$queryRaw<{ shownLeft: string; n: number }[]>`
    SELECT a."shownLeft", count(*)::int AS n
      FROM "QueueAssignment" a JOIN "StudyComparison" c ON c."queueItemId" = a."itemId"
     WHERE c."studyId" = ${studyId}::uuid AND c."modelA" = ${c.modelA} AND c."modelB" = ${c.modelB}
       AND a."shownLeft" IS NOT NULL
     GROUP BY a."shownLeft"`;
  const count = (side: string) => rows.find((r) => r.shownLeft === side)?.n ?? 0;
  return chooseShownLeft({ leftA: count("A"), leftB: count("B") }, assignmentId);
}

export async function nextAssignment(user: TCurrentUser, studyId: string, client: TQueueClient = db()): Promise<TBlindedAssignment | null> {
  const study = await studyForRater(user.id, studyId);
  if (study.status !== "ACTIVE") throw new AppError("CONFLICT", study.status === "PAUSED" ? "The study is paused" : "The study is closed");
  const claim = await claimNextItem({ queueId: study.id, userId: user.id, leaseMinutes: study.leaseMinutes, client });
  if (!claim) return null;
  const comparison = await client.studyComparison.findUnique({ where: { queueItemId: claim.itemId } });
  if (!comparison) throw new Error("queue item without comparison");
  const assignment = await client.queueAssignment.findUniqueOrThrow({ where: { id: claim.assignmentId }, select: { shownLeft: true, draft: true } });
  let shownLeft = assignment.shownLeft;
  if (shownLeft !== "A" && shownLeft !== "B") {
    const side = await decideShownLeft(client, study.id, claim.assignmentId, user.id, comparison);
    // Only the first decision sticks, so a resumed or double-clicked claim shows the same sides.
    await client.queueAssignment.updateMany({ where: { id: claim.assignmentId, shownLeft: null }, data: { shownLeft: side } });
    shownLeft = (await client.queueAssignment.findUniqueOrThrow({ where: { id: claim.assignmentId }, select: { shownLeft: true } })).shownLeft;
  }
  const [prompt, outputs, submitted] = await Promise.all([
    client.studyPrompt.findUniqueOrThrow({ where: { id: comparison.promptId }, select: { instruction: true, input: true } }),
    client.studyOutput.findMany({ where: { promptId: comparison.promptId, model: { in: [comparison.modelA, comparison.modelB] } }, select: { model: true, text: true } }),
    client.queueAssignment.count({ where: { queueId: study.id, userId: user.id, status: "SUBMITTED" } }),
  ]);
  const textOf = (model: string) => {
    const text = outputs.find((o) => o.model === model)?.text ?? "";
    return comparison.degradedModel === model ? degradeOutput(text, comparison.id) : text;
  };
  const left = shownLeft === "A" ? comparison.modelA : comparison.modelB;
  const right = shownLeft === "A" ? comparison.modelB : comparison.modelA;
  return {
    assignmentId: claim.assignmentId,
    resumed: claim.resumed,
    leaseExpiresAt: claim.leaseExpiresAt.toISOString(),
    prompt,
    responses: [
      { label: "A", text: textOf(left) },
      { label: "B", text: textOf(right) },
    ],
    criteria: studyCriteria(study.criteria),
    options: { allowTie: study.allowTie, allowBothBad: study.allowBothBad, rationale: study.rationale },
    progress: { submitted },
    draft: readRatingDraft(assignment.draft),
  };
}

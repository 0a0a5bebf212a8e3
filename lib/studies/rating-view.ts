import "server-only";
import { AppError } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TClaim, TQueueClient } from "@/lib/queue";
import { chooseShownLeft } from "@/lib/studies/choose-shown-left";
import { degradeOutput } from "@/lib/studies/degrade-output";
import { studyCriteria } from "@/lib/studies/study-criteria";
import { canonicalPresentation } from "@/lib/text/canonical-presentation";
import { ZRatingDraft, type TRatingDraft } from "@/lib/studies/schemas";
import { readStoredTurns } from "@/lib/conversations/stored-turns";
import type { TTurn } from "@/lib/conversations/types";

/**
 * What a rater's browser receives. Blinding: only the prompt, the two texts as "A" (left) and
 * "B" (right), the criteria and the options. No model name, output id or comparison id. Every
 * text is in its canonical presentation (a model's whitespace habits would name it); the stored
 * and exported texts stay as imported. A conversation prompt's context turns come from the
 * prompt's own stored turns, once for the pair: nothing in them depends on which model is A or B.
 */
export type TBlindedAssignment = {
  assignmentId: string;
  resumed: boolean;
  leaseExpiresAt: string;
  prompt: { instruction: string; input: string; context: TTurn[] | null };
  responses: [{ label: "A"; text: string }, { label: "B"; text: string }];
  criteria: { key: string; label: string; description: string }[];
  options: { allowTie: boolean; allowBothBad: boolean; rationale: string };
  progress: { submitted: number };
  /** The rater's autosaved, unsubmitted choices (shown labels) and rationale, restored on reload. */
  draft: TRatingDraft | null;
};

/**
 * Decides and stores the sides of a fresh assignment, once, in one round trip: study_decide_sides
 * (migration …_study_decide_sides) takes the model pair's advisory lock, which serialises the
 * count-then-write of concurrent claims on one pair (without it, raters claiming at the same moment
 * all read the same counts and the balance drifts), for the length of one statement. Before, a
 * transaction held that lock over four round trips, and raters sent to one pair at once (an
 * adaptive study) queued on it, each holding a pooled connection. The coin is chooseShownLeft's:
 * its outcome is drawn here for each case, and the function picks the case the counts are in.
 */
async function decideShownLeft(
  client: TQueueClient,
  studyId: string,
  assignmentId: string,
  userId: string,
  c: { id: string; modelA: string; modelB: string; repeatOfId: string | null },
): Promise<"A" | "B"> {
  const ifEqual = chooseShownLeft({ leftA: 0, leftB: 0 });
  const ifALags = chooseShownLeft({ leftA: 0, leftB: 1 });
  const ifBLags = chooseShownLeft({ leftA: 1, leftB: 0 });
  const rows = await client.$queryRaw<{ side: string }[]>`
    SELECT study_decide_sides(${studyId}::uuid, ${assignmentId}::uuid, ${c.id}::uuid, ${c.modelA},
                              ${c.modelB}, ${c.repeatOfId}::uuid, ${userId}::uuid,
                              ${ifEqual}, ${ifALags}, ${ifBLags}) AS side`;
  const side = rows[0]?.side;
  if (side !== "A" && side !== "B")
    throw new AppError("INTERNAL", "The sides of this comparison were not decided");
  return side;
}

/** A stored draft as the rater may see it again; anything unexpected is dropped. */
export function readRatingDraft(value: unknown): TRatingDraft | null {
  const r = ZRatingDraft.safeParse(value);
  return r.success ? r.data : null;
}

type TRatingStudy = {
  id: string;
  criteria: unknown;
  allowTie: boolean;
  allowBothBad: boolean;
  rationale: string;
};

/** The blinded view of a claimed comparison; its sides are decided on its first showing. */
export async function ratingView(
  user: TCurrentUser,
  claim: TClaim,
  study: TRatingStudy,
  client: TQueueClient,
): Promise<TBlindedAssignment> {
  const comparison = await client.studyComparison.findUnique({ where: { queueItemId: claim.itemId } });
  // Every study item is written with its comparison in one transaction: a missing one is a broken
  // invariant (500), still an AppError so the wrapper answers problem+json like any other.
  if (!comparison) throw new AppError("INTERNAL", "This study's queue item has no comparison");
  const assignment = await client.queueAssignment.findUniqueOrThrow({
    where: { id: claim.assignmentId },
    select: { draft: true, studySides: { select: { shownLeft: true } } },
  });
  let shownLeft = assignment.studySides?.shownLeft;
  if (shownLeft !== "A" && shownLeft !== "B") {
    shownLeft = await decideShownLeft(client, study.id, claim.assignmentId, user.id, comparison);
  }
  const [prompt, outputs, submitted] = await Promise.all([
    client.studyPrompt.findUniqueOrThrow({
      where: { id: comparison.promptId },
      select: { instruction: true, input: true, context: true },
    }),
    client.studyOutput.findMany({
      where: { promptId: comparison.promptId, model: { in: [comparison.modelA, comparison.modelB] } },
      select: { model: true, text: true },
    }),
    client.queueAssignment.count({ where: { queueId: study.id, userId: user.id, status: "SUBMITTED" } }),
  ]);
  const textOf = (model: string) => {
    const text = outputs.find((o) => o.model === model)?.text ?? "";
    return canonicalPresentation(
      comparison.degradedModel === model ? degradeOutput(text, comparison.id) : text,
    );
  };
  const left = shownLeft === "A" ? comparison.modelA : comparison.modelB;
  const right = shownLeft === "A" ? comparison.modelB : comparison.modelA;
  return {
    assignmentId: claim.assignmentId,
    resumed: claim.resumed,
    leaseExpiresAt: claim.leaseExpiresAt.toISOString(),
    prompt: {
      instruction: canonicalPresentation(prompt.instruction),
      input: canonicalPresentation(prompt.input),
      context:
        readStoredTurns(prompt.context)?.map((t) => ({
          role: t.role,
          content: canonicalPresentation(t.content),
        })) ?? null,
    },
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

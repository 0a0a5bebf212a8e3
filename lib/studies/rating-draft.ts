import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TOwnAssignment } from "@/lib/queue/queue-feature";
import { studyCriteria } from "@/lib/studies/study-criteria";
import type { TRatingDraft } from "@/lib/studies/schemas";

/**
 * A half-filled rating must fit its study (lib/queue saves it). The draft holds only what the rater
 * saw and typed (labels A = left, B = right; never model terms), so handing it back on reload
 * cannot unblind.
 */
export async function checkRatingDraft(
  { queueId, client }: TOwnAssignment,
  draft: TRatingDraft,
): Promise<void> {
  const study = await client.study.findUnique({
    where: { id: queueId },
    select: { criteria: true, allowTie: true, allowBothBad: true },
  });
  if (!study) throw notFound("Assignment");
  const keys = new Set(studyCriteria(study.criteria).map((c) => c.key));
  const errors: Record<string, string[]> = {};
  for (const [key, choice] of Object.entries(draft.choices)) {
    if (!keys.has(key)) errors[`choices.${key}`] = ["Unknown criterion"];
    else if (choice === "tie" && !study.allowTie)
      errors[`choices.${key}`] = ["Ties are not allowed in this study"];
    else if (choice === "both_bad" && !study.allowBothBad)
      errors[`choices.${key}`] = ["“Both bad” is not allowed in this study"];
  }
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION", "The draft does not fit this study", { fieldErrors: errors });
}

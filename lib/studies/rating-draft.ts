import "server-only";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TRequestContext } from "@/lib/http/request-context";
import { releaseAssignment, saveAssignmentDraft, type TQueueClient } from "@/lib/queue";
import { studyCriteria } from "@/lib/studies/study-criteria";
import { ZRatingDraft, type TRatingDraft } from "@/lib/studies/schemas";

/** The caller's assignment in a study, with the study's rating options; 404 for anything else. */
async function ownAssignment(client: TQueueClient, userId: string, assignmentId: string) {
  const a = await client.queueAssignment.findFirst({
    where: { id: assignmentId, userId },
    select: { id: true, item: { select: { comparison: { select: { study: { select: { id: true, criteria: true, allowTie: true, allowBothBad: true } } } } } } },
  });
  const study = a?.item.comparison?.study;
  if (!a || !study) throw notFound("Assignment");
  return study;
}

/**
 * Autosaves a half-filled rating on the server. The draft holds only what the rater saw and typed
 * (labels A = left, B = right; never model terms), so handing it back on reload cannot unblind.
 */
export async function saveRatingDraft(user: TCurrentUser, assignmentId: string, draft: TRatingDraft, client: TQueueClient = db()): Promise<void> {
  const study = await ownAssignment(client, user.id, assignmentId);
  const keys = new Set(studyCriteria(study.criteria).map((c) => c.key));
  const errors: Record<string, string[]> = {};
  for (const [key, choice] of Object.entries(draft.choices)) {
    if (!keys.has(key)) errors[`choices.${key}`] = ["Unknown criterion"];
    else if (choice === "tie" && !study.allowTie) errors[`choices.${key}`] = ["Ties are not allowed in this study"];
    else if (choice === "both_bad" && !study.allowBothBad) errors[`choices.${key}`] = ["“Both bad” is not allowed in this study"];
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "The draft does not fit this study", { fieldErrors: errors });
  await saveAssignmentDraft(user.id, assignmentId, { choices: draft.choices, rationale: draft.rationale, elapsedMs: draft.elapsedMs }, client);
}

/** A stored draft as the rater may see it again; anything unexpected in the column is dropped. */
export function readRatingDraft(value: unknown): TRatingDraft | null {
  const r = ZRatingDraft.safeParse(value);
  return r.success ? r.data : null;
}

/**
 * Skip: the slot goes back to the queue for another rater. The shared queue never offers a
 * released comparison to the same person again, so it cannot come straight back; a consistency
 * repeat (reserved for this rater) is dropped for good. false: there was no live lease to release.
 * Recorded (study.skip) in the release's transaction, by assignment like study.judgement, so the
 * row names no model.
 */
export async function skipRating(
  user: TCurrentUser,
  assignmentId: string,
  ctx: TRequestContext | null,
  client: TQueueClient = db(),
): Promise<boolean> {
  const study = await ownAssignment(client, user.id, assignmentId);
  return releaseAssignment(user.id, assignmentId, client, (tx) =>
    recordAudit(tx, ctx, { actorId: user.id, action: "study.skip", entityType: "queue_assignment", entityId: assignmentId, after: { studyId: study.id } }),
  );
}

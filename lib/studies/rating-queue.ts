import "server-only";
import { sql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors/app-error";
import { claimNextItem } from "@/lib/queue";
import { defineQueueFeature } from "@/lib/queue/define-queue-feature";
import { claimAdaptive } from "@/lib/studies/claim-adaptive";
import { guidelinesGate } from "@/lib/guidelines/claim-gate";
import { studyForRater } from "@/lib/studies/rater-access";
import { checkRatingDraft } from "@/lib/studies/rating-draft";
import { ratingView } from "@/lib/studies/rating-view";
import { ZJudgementInput, ZRatingDraft } from "@/lib/studies/schemas";
import { judgementReopen } from "@/lib/studies/reopen-judgement";
import { judgementSubmit } from "@/lib/studies/submit-judgement";

/** A study not started, or naming other raters, is a 404 (studyForRater). */
async function openStudy(userId: string, studyId: string) {
  const study = await studyForRater(userId, studyId);
  const { status } = study;
  if (status === "DRAFT") throw notFound("Study");
  return { ...study, status };
}

/**
 * Preference studies on the shared queue protocol: lib/queue does the rest (define-queue-feature.ts).
 * Blinding: the view and the skip's audit row name no model.
 */
export const studyQueue = defineQueueFeature({
  tag: "Studies",
  permission: "studies:rate",
  claimPath: "/api/v1/studies/:id/assignments/next",
  claimSummary:
    "Claim (or resume) your next blinded comparison: responses are labelled A (left) and B (right) only",
  viewDescription:
    "The blinded assignment { assignmentId, resumed, leaseExpiresAt, prompt, responses, criteria, options, progress, draft }",
  unknownQueue: "Unknown study",
  statusMessage: { PAUSED: "The study is paused", CLOSED: "The study is closed" },
  async assignmentQueue(userId, assignmentId, client) {
    const rows = await client.$queryRaw<{ queueId: string }[]>`
      SELECT a."queueId" FROM "QueueAssignment" a JOIN "Study" s ON s.id = a."queueId"
       WHERE a.id = ${assignmentId}::uuid AND a."userId" = ${userId}::uuid`;
    return rows[0]?.queueId ?? null;
  },
  // Rater guidelines: the current version must be acknowledged before a claim (lib/guidelines),
  // checked inside the claim's own statement (claimNextItem, or claimAdaptive's claim statement).
  claimGate: guidelinesGate("study"),
  // The rater-facing title, never the internal name (which may name a model).
  title: async (user, studyId) => (await studyForRater(user.id, studyId)).title,
  openQueue: (user, studyId) => openStudy(user.id, studyId),
  // Issue 17: an adaptive study's claim picks the comparison (lib/studies/claim-adaptive.ts); a
  // uniform one takes the next in the seeded order, as every queue does. Same view either way.
  async openAndClaim(user, studyId, client, gate) {
    const queue = await openStudy(user.id, studyId);
    if (queue.status !== "ACTIVE") return { queue, claim: null };
    const claim =
      queue.allocation === "adaptive" && queue.allocationGoal
        ? await claimAdaptive(user.id, { ...queue, allocationGoal: queue.allocationGoal }, client, gate)
        : await claimNextItem({
            queueId: studyId,
            userId: user.id,
            leaseMinutes: queue.leaseMinutes,
            client,
            gate,
          });
    return { queue, claim };
  },
  view: (user, claim, study, client) => ratingView(user, claim, study, client),
  draft: ZRatingDraft,
  checkDraft: checkRatingDraft,
  // By assignment like study.judgement, so the row names no model.
  skipRecord: ({ assignmentId, queueId }) => ({
    action: "study.skip",
    entityType: "queue_assignment",
    entityId: assignmentId,
    after: { studyId: queueId },
  }),
  payload: ZJudgementInput,
  submit: judgementSubmit,
  reopen: judgementReopen,
  lockQueueRow: (studyId) => sql`SELECT id FROM "Study" WHERE id = ${studyId}::uuid FOR SHARE`,
});

/** The server helpers (the rating page, the demo and tests call them as the routes do). */
export const {
  claim: nextAssignment,
  submit: submitJudgement,
  saveDraft: saveRatingDraft,
  skip: skipRating,
  reopen: reopenRating,
} = studyQueue;
export type { TBlindedAssignment } from "@/lib/studies/rating-view";
export type { TJudgementResult } from "@/lib/studies/submit-judgement";

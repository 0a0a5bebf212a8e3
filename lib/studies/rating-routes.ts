import "server-only";
import { db } from "@/lib/db/prisma";
import { defineClaimRoute, defineMovedRoute, type TQueueFeature } from "@/lib/queue/define-queue-feature";
import { nextAssignment } from "@/lib/studies/next-assignment";
import { saveRatingDraft, skipRating } from "@/lib/studies/rating-draft";
import { submitJudgement } from "@/lib/studies/submit-judgement";
import { ZJudgementInput, ZRatingDraft, ZStudyAssignmentParams, type TJudgementInput, type TRatingDraft } from "@/lib/studies/schemas";
import { z } from "zod";

/** Preference studies on the shared queue protocol (lib/queue/define-queue-feature.ts). */
export const studyQueueFeature: TQueueFeature<TJudgementInput, TRatingDraft> = {
  noun: "study",
  tag: "Studies",
  permission: "studies:rate",
  claimPath: "/api/v1/studies/:id/assignments/next",
  claimSummary: "Claim (or resume) your next blinded comparison: responses are labelled A (left) and B (right) only",
  viewDescription: "The blinded assignment { assignmentId, resumed, leaseExpiresAt, prompt, responses, criteria, options, progress, draft }",
  unknownQueue: "Unknown study",
  payload: ZJudgementInput,
  draft: ZRatingDraft,
  owns: async (queueId) => (await db().study.count({ where: { id: queueId } })) > 0,
  claim: (user, studyId) => nextAssignment(user, studyId),
  submit: async (user, assignmentId, judgement, ctx) => ({ status: 200, body: await submitJudgement(user, assignmentId, judgement, ctx) }),
  saveDraft: (user, assignmentId, draft) => saveRatingDraft(user, assignmentId, draft),
  skip: (user, assignmentId, ctx) => skipRating(user, assignmentId, ctx),
};

export const nextAssignmentRoute = defineClaimRoute(studyQueueFeature);

// The URLs before the shared protocol (issue 12): 308 to the new ones for this release.
const moved = { tag: "Studies", permission: "studies:rate" as const };
export const movedSubmitJudgementRoute = defineMovedRoute(
  { ...moved, method: "POST", path: "/api/v1/assignments/:id/judgement", params: z.object({ id: z.uuid({ message: "Unknown assignment" }) }) },
  (p) => `/api/v1/assignments/${p.id}/submit`,
);
export const movedSaveRatingDraftRoute = defineMovedRoute(
  { ...moved, method: "PUT", path: "/api/v1/studies/:id/assignments/:assignmentId/draft", params: ZStudyAssignmentParams },
  (p) => `/api/v1/assignments/${p.assignmentId}/draft`,
);
export const movedSkipRatingRoute = defineMovedRoute(
  { ...moved, method: "POST", path: "/api/v1/studies/:id/assignments/:assignmentId/skip", params: ZStudyAssignmentParams },
  (p) => `/api/v1/assignments/${p.assignmentId}/skip`,
);

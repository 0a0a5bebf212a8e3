import "server-only";
import { z } from "zod";
import { defineClaimRoute, defineMovedRoute, defineProgressRoute } from "@/lib/queue/feature-routes";
import { studyQueue } from "@/lib/studies/rating-queue";
import { ZStudyAssignmentParams } from "@/lib/studies/schemas";

/** For the shared draft/skip/submit routes (lib/queue/routes.ts). */
export const studyQueueFeature = studyQueue.handle;
export const nextAssignmentRoute = defineClaimRoute(studyQueue.spec, (user, studyId) =>
  studyQueue.claim(user, studyId),
);
export const studyProgressRoute = defineProgressRoute(studyQueue.spec, (user, id) =>
  studyQueue.progress(user, id),
);

// The URLs before the shared protocol (issue 12): 308 to the new ones for this release.
const moved = { tag: "Studies", permission: "studies:rate" as const };
export const movedSubmitJudgementRoute = defineMovedRoute(
  {
    ...moved,
    method: "POST",
    path: "/api/v1/assignments/:id/judgement",
    params: z.object({ id: z.uuid({ message: "Unknown assignment" }) }),
  },
  (p) => `/api/v1/assignments/${p.id}/submit`,
);
export const movedSaveRatingDraftRoute = defineMovedRoute(
  {
    ...moved,
    method: "PUT",
    path: "/api/v1/studies/:id/assignments/:assignmentId/draft",
    params: ZStudyAssignmentParams,
  },
  (p) => `/api/v1/assignments/${p.assignmentId}/draft`,
);
export const movedSkipRatingRoute = defineMovedRoute(
  {
    ...moved,
    method: "POST",
    path: "/api/v1/studies/:id/assignments/:assignmentId/skip",
    params: ZStudyAssignmentParams,
  },
  (p) => `/api/v1/assignments/${p.assignmentId}/skip`,
);

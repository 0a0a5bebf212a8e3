import "server-only";
import { auditQueueFeature } from "@/lib/audits/review-routes";
import { studyQueueFeature } from "@/lib/studies/rating-routes";
import type { TQueueFeatureHandle } from "./define-queue-feature";
import { defineAssignmentRoutes } from "./feature-routes";

/** The queue-backed features; the shared assignment routes dispatch by the assignment's queue. */
export const QUEUE_FEATURES: readonly TQueueFeatureHandle[] = [auditQueueFeature, studyQueueFeature];

export const {
  draftRoute: assignmentDraftRoute,
  skipRoute: assignmentSkipRoute,
  submitRoute: assignmentSubmitRoute,
  reopenRoute: assignmentReopenRoute,
} = defineAssignmentRoutes(QUEUE_FEATURES);

/** For lib/api/registry.ts. */
export const queueRoutes = [
  assignmentDraftRoute,
  assignmentSkipRoute,
  assignmentSubmitRoute,
  assignmentReopenRoute,
];

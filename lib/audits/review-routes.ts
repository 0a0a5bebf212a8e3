import "server-only";
import { db } from "@/lib/db/prisma";
import { defineClaimRoute, defineMovedRoute, type TQueueFeature } from "@/lib/queue/define-queue-feature";
import { nextReviewItem } from "./next-item";
import { saveReviewDraft, skipReviewItem } from "./review-draft";
import { ZAssignmentParams, ZCampaignParams, ZDraft, ZReview, type TReview } from "./schemas";
import { submitReview } from "./submit-review";
import type { z } from "zod";

/** Audit campaigns on the shared queue protocol (lib/queue/define-queue-feature.ts). */
export const auditQueueFeature: TQueueFeature<TReview, z.infer<typeof ZDraft>> = {
  noun: "campaign",
  tag: "Audits",
  permission: "audits:review",
  claimPath: "/api/v1/audits/:id/assignments/next",
  claimSummary: "Claim your next item (your open lease first)",
  viewDescription: "{ assignmentId, instruction, input, output, flags, draft, leaseExpiresAt, phiSpans }",
  unknownQueue: "Unknown campaign",
  payload: ZReview,
  draft: ZDraft,
  owns: async (queueId) => (await db().auditCampaign.count({ where: { id: queueId } })) > 0,
  claim: (user, campaignId) => nextReviewItem(user, campaignId),
  submit: (user, assignmentId, review, ctx) => submitReview(user, assignmentId, review, ctx),
  saveDraft: (user, assignmentId, draft) => saveReviewDraft(user, assignmentId, draft),
  skip: (user, assignmentId, ctx) => skipReviewItem(user, assignmentId, ctx),
};

export const nextItemRoute = defineClaimRoute(auditQueueFeature);

// The URLs before the shared protocol (issue 12): 308 to the new ones for this release.
const moved = { tag: "Audits", permission: "audits:review" as const };
export const movedNextItemRoute = defineMovedRoute(
  { ...moved, method: "POST", path: "/api/v1/audits/:id/items/next", params: ZCampaignParams },
  (p) => `/api/v1/audits/${p.id}/assignments/next`,
);
export const movedSubmitReviewRoute = defineMovedRoute(
  { ...moved, method: "POST", path: "/api/v1/assignments/:id/review", params: ZAssignmentParams },
  (p) => `/api/v1/assignments/${p.id}/submit`,
);
export const movedSaveDraftRoute = defineMovedRoute(
  { ...moved, method: "PUT", path: "/api/v1/assignments/:id/review/draft", params: ZAssignmentParams },
  (p) => `/api/v1/assignments/${p.id}/draft`,
);
export const movedSkipItemRoute = defineMovedRoute(
  { ...moved, method: "POST", path: "/api/v1/assignments/:id/review/skip", params: ZAssignmentParams },
  (p) => `/api/v1/assignments/${p.id}/skip`,
);

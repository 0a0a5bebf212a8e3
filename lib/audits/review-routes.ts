import "server-only";
import { defineClaimRoute, defineMovedRoute, defineProgressRoute } from "@/lib/queue/feature-routes";
import { auditQueue } from "./review-queue";
import { ZAssignmentParams, ZCampaignParams } from "./schemas";

/** For the shared draft/skip/submit routes (lib/queue/routes.ts). */
export const auditQueueFeature = auditQueue.handle;
export const nextItemRoute = defineClaimRoute(auditQueue.spec, (user, campaignId) =>
  auditQueue.claim(user, campaignId),
);
export const campaignProgressRoute = defineProgressRoute(auditQueue.spec, (user, id) =>
  auditQueue.progress(user, id),
);

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

import "server-only";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { nextReviewItem } from "./next-item";
import { saveReviewDraft, skipReviewItem } from "./review-draft";
import { ZAssignmentParams, ZCampaignParams, ZDraft, ZReview } from "./schemas";
import { submitReview } from "./submit-review";

const noContent = () => new Response(null, { status: 204, headers: { "cache-control": "no-store" } });

export const nextItemRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/audits/:id/items/next",
    summary: "Claim your next item (your open lease first); 204 when none is left for you",
    tag: "Audits",
    permission: "audits:review",
    params: ZCampaignParams,
    response: { status: 200, description: "{ assignmentId, instruction, input, output, flags, draft, leaseExpiresAt }" },
  },
  async ({ user, params }) => {
    const task = await nextReviewItem(user, params.id);
    return task ? json(task) : noContent();
  },
);

export const submitReviewRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/assignments/:id/review",
    summary: "Submit a review (send an Idempotency-Key header: a repeat stores nothing new); 409 if your lease went to someone else",
    tag: "Audits",
    permission: "audits:review",
    params: ZAssignmentParams,
    body: ZReview,
    response: { status: 201, description: "{ reviewId, assignmentId, verdict }" },
  },
  async ({ req, user, params, body, ctx }) => {
    const r = await submitReview(user, params.id, body, idempotencyKeyOf(req), ctx);
    return json(r.body, r.status);
  },
);

export const saveDraftRoute = defineApiRoute(
  {
    method: "PUT",
    path: "/api/v1/assignments/:id/review/draft",
    summary: "Autosave the review form on the server",
    tag: "Audits",
    permission: "audits:review",
    params: ZAssignmentParams,
    body: ZDraft,
    response: { status: 204, description: "Saved" },
  },
  async ({ user, params, body }) => {
    await saveReviewDraft(user, params.id, body);
    return noContent();
  },
);

export const skipItemRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/assignments/:id/review/skip",
    summary: "Skip the item: its slot returns to the queue for someone else",
    tag: "Audits",
    permission: "audits:review",
    params: ZAssignmentParams,
    response: { status: 204, description: "Skipped" },
  },
  async ({ user, params, ctx }) => {
    await skipReviewItem(user, params.id, ctx);
    return noContent();
  },
);

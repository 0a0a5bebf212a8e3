import "server-only";
import { defineApiRoute } from "@/lib/http/api-route";
import { saveRatingDraft, skipRating } from "@/lib/studies/rating-draft";
import { ZRatingDraft, ZStudyAssignmentParams } from "@/lib/studies/schemas";

const noContent = () => new Response(null, { status: 204, headers: { "cache-control": "no-store" } });

export const saveRatingDraftRoute = defineApiRoute(
  {
    method: "PUT",
    path: "/api/v1/studies/:id/assignments/:assignmentId/draft",
    summary: "Autosave your unsubmitted choices (as shown: A = left, B = right) and rationale on the server",
    tag: "Studies",
    permission: "studies:rate",
    params: ZStudyAssignmentParams,
    body: ZRatingDraft,
    response: { status: 204, description: "Saved; handed back in the next assignments/next for this assignment" },
  },
  async ({ user, params, body }) => {
    await saveRatingDraft(user, params.id, params.assignmentId, body);
    return noContent();
  },
);

export const skipRatingRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/studies/:id/assignments/:assignmentId/skip",
    summary: "Skip a comparison: its slot goes back to the queue for another rater, and it is not offered to you again",
    tag: "Studies",
    permission: "studies:rate",
    params: ZStudyAssignmentParams,
    response: { status: 204, description: "Skipped (also when the lease had already lapsed)" },
  },
  async ({ user, params, ctx }) => {
    await skipRating(user, params.id, params.assignmentId, ctx);
    return noContent();
  },
);

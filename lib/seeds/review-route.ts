import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { reviewSeed } from "./review-seed";
import { ZReviewSeed, ZSeedId } from "./schemas";

export const reviewSeedRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/seeds/:id/review",
    summary: "Approve or request changes (not on your own seed; approval blocked by open PHI findings)",
    tag: "Seeds",
    permission: "seeds:review",
    params: ZSeedId,
    body: ZReviewSeed,
    response: { status: 200, description: "The new status" },
  },
  async ({ user, params, body, ctx }) => json(await reviewSeed(user, params.id, body, ctx)),
);

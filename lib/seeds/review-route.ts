import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { withIdempotency } from "@/lib/http/idempotency";
import { reviewSeed } from "./review-seed";
import { ZReviewSeed, ZSeedId } from "./schemas";

export const reviewSeedRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/seeds/:id/review",
    summary:
      "Approve or request changes (not on your own seed; approval blocked by open PHI findings); Idempotency-Key optional: a repeat replays the first answer, another body under it is a 422",
    tag: "Seeds",
    permission: "seeds:review",
    params: ZSeedId,
    body: ZReviewSeed,
    response: { status: 200, description: "The new status" },
  },
  // The same rule as the queue's submit: a retried review after a lost answer must not review twice.
  async ({ req, user, params, body, ctx }) =>
    withIdempotency(req, user.id, body, async () => json(await reviewSeed(user, params.id, body, ctx))),
);

import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { submitSeed } from "./submit-seed";
import { ZSeedId, ZSubmitSeed } from "./schemas";

export const submitSeedRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/seeds/:id/submit",
    summary: "Submit a complete seed for review (near duplicates need duplicateReason)",
    tag: "Seeds",
    permission: "seeds:write",
    params: ZSeedId,
    body: ZSubmitSeed,
    response: { status: 200, description: "Submitted" },
  },
  async ({ user, params, body, ctx }) => json(await submitSeed(user, params.id, body.baseVersion, ctx)),
);

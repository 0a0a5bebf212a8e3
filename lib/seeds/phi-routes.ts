import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { markPhiFalsePositive } from "./mark-phi-false-positive";
import { ZPhiFinding } from "./phi-schemas";
import { redactPhiFinding } from "./redact-phi-finding";
import { ZSeedId } from "./schemas";

export const phiFalsePositiveRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/seeds/:id/phi/false-positive",
    summary: "Rule a PHI finding a false positive (a reviewer other than the author)",
    tag: "Seeds",
    permission: "seeds:review",
    params: ZSeedId,
    body: ZPhiFinding,
    response: { status: 200, description: "Recorded" },
  },
  async ({ user, params, body, ctx }) => json(await markPhiFalsePositive(user, params.id, body, ctx)),
);

export const phiRedactRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/seeds/:id/phi/redact",
    summary: "Redact a PHI finding from the seed, all its earlier versions and its audit trail",
    tag: "Seeds",
    permission: "seeds:write",
    params: ZSeedId,
    body: ZPhiFinding,
    response: { status: 200, description: "The new version and how many stored copies were redacted" },
  },
  async ({ user, params, body, ctx }) => json(await redactPhiFinding(user, params.id, body, ctx)),
);

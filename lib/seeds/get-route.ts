import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { getSeed } from "./get-seed";
import { ZSeedId } from "./schemas";

export const getSeedRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/seeds/:id",
    summary: "A seed with its version history (field diffs), reviews and PHI findings",
    tag: "Seeds",
    permission: "seeds:read",
    params: ZSeedId,
    response: { status: 200, description: "The seed" },
  },
  async ({ user, params }) => json(await getSeed(user, params.id)),
);

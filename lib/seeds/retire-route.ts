import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { retireSeed } from "./retire-seed";
import { ZSeedId } from "./schemas";

export const retireSeedRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/seeds/:id/retire",
    summary: "Retire a seed (admins)",
    tag: "Seeds",
    permission: "seeds:retire",
    params: ZSeedId,
    response: { status: 200, description: "Retired" },
  },
  async ({ user, params, ctx }) => json(await retireSeed(user, params.id, ctx)),
);

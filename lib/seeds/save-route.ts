import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { saveSeed } from "./save-seed";
import { ZSaveSeed, ZSeedId } from "./schemas";

export const saveSeedRoute = defineApiRoute(
  {
    method: "PUT",
    path: "/api/v1/seeds/:id",
    summary: "Save a new version; 409 with both versions when baseVersion is stale",
    tag: "Seeds",
    permission: "seeds:write",
    params: ZSeedId,
    body: ZSaveSeed,
    response: { status: 200, description: "The new version, changed fields and PHI warnings" },
  },
  async ({ user, params, body, ctx }) => json(await saveSeed(user, params.id, body, ctx)),
);

import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { listSeeds } from "./list-seeds";
import { ZSeedListQuery } from "./list-schemas";

export const listSeedsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/seeds",
    summary:
      "Search and filter the seeds you may see (full-text q, status, topicId, typeId, viewId, difficulty)",
    tag: "Seeds",
    permission: "seeds:read",
    query: ZSeedListQuery,
    response: {
      status: 200,
      description: "One page of seeds: best full-text match first when searching, else newest change first",
    },
  },
  async ({ user, query }) => json(await listSeeds(user, query)),
);

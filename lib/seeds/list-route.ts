import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { listSeeds } from "./list-seeds";
import { ZSeedListQuery } from "./list-schemas";

export const listSeedsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/seeds",
    summary:
      "Search and filter the seeds you may see (full-text q, status, topicId, typeId, viewId, difficulty; review=mine: the review inbox; sort=oldest|newest by age)",
    tag: "Seeds",
    permission: "seeds:read",
    query: ZSeedListQuery,
    response: {
      status: 200,
      description:
        "One page of seeds with author and age (since submission, else creation): best full-text match first when searching, else newest change first; the inbox oldest first",
    },
  },
  async ({ user, query }) => json(await listSeeds(user, query)),
);

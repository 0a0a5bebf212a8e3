import "server-only";
import { z } from "zod";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { findSimilarSeeds } from "./find-similar-seeds";

export const similarSeedsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/seeds/similar",
    summary: "The 5 live seeds most similar to a text by ROUGE-L (for the editor's duplicate check)",
    tag: "Seeds",
    permission: "seeds:write",
    query: z.object({ text: z.string().max(10_000), excludeId: z.uuid().optional() }),
    response: { status: 200, description: "Best first; score above 0.7 is a near duplicate" },
  },
  async ({ user, query }) => json({ similar: await findSimilarSeeds({ ...query, viewerId: user.id }) }),
);

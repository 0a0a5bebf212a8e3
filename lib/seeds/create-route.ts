import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { createSeed } from "./create-seed";
import { ZSeedFields } from "./schemas";

export const createSeedRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/seeds",
    summary: "Start a seed as a draft (version 1)",
    tag: "Seeds",
    permission: "seeds:write",
    body: ZSeedFields,
    response: { status: 201, description: "The new seed's id and version" },
  },
  async ({ user, body, ctx }) => json(await createSeed(user, body, ctx), 201),
);

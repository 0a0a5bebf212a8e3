import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { discardDraft } from "./discard-draft";
import { ZSeedId } from "./schemas";

/** The editor's "Discard mine and take theirs": the autosaved text is not restored again. */
export const discardSeedDraftRoute = defineApiRoute(
  {
    method: "DELETE",
    path: "/api/v1/seeds/:id/draft",
    summary: "Throw away your own autosaved draft of a seed",
    tag: "Seeds",
    permission: "seeds:write",
    params: ZSeedId,
    response: { status: 200, description: "Whether a draft was there to discard" },
  },
  async ({ user, params, ctx }) => json(await discardDraft(user, params.id, ctx)),
);

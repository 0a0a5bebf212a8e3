import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { autosaveDraft } from "./autosave-draft";
import { ZAutosaveDraft, ZSeedId } from "./schemas";

export const autosaveSeedRoute = defineApiRoute(
  {
    method: "PUT",
    path: "/api/v1/seeds/:id/draft",
    summary: "Autosave unsaved edits server-side (never creates a version)",
    tag: "Seeds",
    permission: "seeds:write",
    params: ZSeedId,
    body: ZAutosaveDraft,
    response: { status: 200, description: "When the draft was stored" },
  },
  async ({ user, params, body, ctx }) => json(await autosaveDraft(user, params.id, body, ctx)),
);

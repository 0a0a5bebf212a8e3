"use server";

import { authorizedAction } from "@/lib/http/action-client";
import { discardDraft } from "./discard-draft";
import { ZSeedId } from "./schemas";

const discard = authorizedAction({ permission: "seeds:write", schema: ZSeedId }, (input, user, ctx) =>
  discardDraft(user, input.id, ctx),
);

/** The editor's "Discard mine and take theirs": the autosaved text is not restored again. */
export async function discardSeedDraftAction(id: string) {
  return discard({ id });
}

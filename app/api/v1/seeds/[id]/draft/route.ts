import { autosaveSeedRoute } from "@/lib/seeds/autosave-route";
import { discardSeedDraftRoute } from "@/lib/seeds/discard-draft-route";

export const PUT = autosaveSeedRoute.handle;
export const DELETE = discardSeedDraftRoute.handle;

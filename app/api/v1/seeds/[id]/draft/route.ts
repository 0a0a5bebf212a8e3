import { autosaveSeedRoute } from "@/lib/seeds/autosave-route";

export const PUT = autosaveSeedRoute.handle;

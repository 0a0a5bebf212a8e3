import { renameTermRoute } from "@/lib/vocabulary/routes";

export const PATCH = renameTermRoute.handle;

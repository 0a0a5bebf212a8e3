import { removeAliasRoute } from "@/lib/vocabulary/routes";

export const POST = removeAliasRoute.handle;

import { addAliasRoute } from "@/lib/vocabulary/routes";

export const POST = addAliasRoute.handle;

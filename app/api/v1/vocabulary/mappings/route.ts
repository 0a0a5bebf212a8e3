import { applyMappingsRoute } from "@/lib/vocabulary/routes";

export const POST = applyMappingsRoute.handle;

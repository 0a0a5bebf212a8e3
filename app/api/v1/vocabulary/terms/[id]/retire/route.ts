import { retireTermRoute } from "@/lib/vocabulary/routes";

export const POST = retireTermRoute.handle;

import { restoreTermRoute } from "@/lib/vocabulary/routes";

export const POST = restoreTermRoute.handle;

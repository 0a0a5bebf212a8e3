import { exportSeedsRoute } from "@/lib/seeds/export-route";

export const GET = exportSeedsRoute.handle;

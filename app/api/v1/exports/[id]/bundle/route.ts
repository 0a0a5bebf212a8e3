import { exportBundleRoute } from "@/lib/exports/export-routes";

export const GET = exportBundleRoute.handle;

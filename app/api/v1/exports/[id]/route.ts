import { exportManifestRoute } from "@/lib/exports/export-routes";

export const GET = exportManifestRoute.handle;

import { listExportsRoute } from "@/lib/exports/export-routes";

export const GET = listExportsRoute.handle;

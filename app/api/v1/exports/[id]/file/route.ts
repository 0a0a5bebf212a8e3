import { exportFileRoute } from "@/lib/exports/export-routes";

export const GET = exportFileRoute.handle;

import { exportRoute } from "@/lib/audits/result-routes";

export const GET = exportRoute.handle;

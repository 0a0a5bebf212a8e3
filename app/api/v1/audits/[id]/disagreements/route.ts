import { disagreementsRoute } from "@/lib/audits/result-routes";

export const GET = disagreementsRoute.handle;

import { studyStatsRoute } from "@/lib/studies/results-routes";

export const GET = studyStatsRoute.handle;

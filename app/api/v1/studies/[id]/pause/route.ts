import { pauseStudyRoute } from "@/lib/studies/status-routes";

export const POST = pauseStudyRoute.handle;

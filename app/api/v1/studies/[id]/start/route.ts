import { startStudyRoute } from "@/lib/studies/status-routes";

export const POST = startStudyRoute.handle;

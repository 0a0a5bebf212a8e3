import { resumeStudyRoute } from "@/lib/studies/status-routes";

export const POST = resumeStudyRoute.handle;

import { getStudyRoute } from "@/lib/studies/study-routes";

export const GET = getStudyRoute.handle;

import { getStudyRoute, setStudyTitleRoute } from "@/lib/studies/study-routes";

export const GET = getStudyRoute.handle;
export const PATCH = setStudyTitleRoute.handle;

import { createStudyRoute, listStudiesRoute } from "@/lib/studies/study-routes";

export const GET = listStudiesRoute.handle;
export const POST = createStudyRoute.handle;

import { studyProgressRoute } from "@/lib/studies/rating-routes";

export const GET = studyProgressRoute.handle;

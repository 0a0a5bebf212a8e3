import { submitJudgementRoute } from "@/lib/studies/rating-routes";

export const POST = submitJudgementRoute.handle;

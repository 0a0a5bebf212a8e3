import { movedSubmitJudgementRoute } from "@/lib/studies/rating-routes";

export const POST = movedSubmitJudgementRoute.handle;

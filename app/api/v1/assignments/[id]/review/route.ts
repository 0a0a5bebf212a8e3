import { movedSubmitReviewRoute } from "@/lib/audits/review-routes";

export const POST = movedSubmitReviewRoute.handle;

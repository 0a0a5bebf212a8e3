import { submitReviewRoute } from "@/lib/audits/review-routes";

export const POST = submitReviewRoute.handle;

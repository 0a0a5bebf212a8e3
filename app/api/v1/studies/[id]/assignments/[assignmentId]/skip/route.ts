import { movedSkipRatingRoute } from "@/lib/studies/rating-routes";

export const POST = movedSkipRatingRoute.handle;

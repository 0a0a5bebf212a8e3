import { movedSaveRatingDraftRoute } from "@/lib/studies/rating-routes";

export const PUT = movedSaveRatingDraftRoute.handle;

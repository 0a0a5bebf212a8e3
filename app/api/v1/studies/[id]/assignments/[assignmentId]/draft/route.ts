import { saveRatingDraftRoute } from "@/lib/studies/draft-routes";

export const PUT = saveRatingDraftRoute.handle;

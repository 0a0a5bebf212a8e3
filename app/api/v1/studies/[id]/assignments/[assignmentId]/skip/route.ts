import { skipRatingRoute } from "@/lib/studies/draft-routes";

export const POST = skipRatingRoute.handle;

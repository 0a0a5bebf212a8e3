import { movedNextItemRoute } from "@/lib/audits/review-routes";

export const POST = movedNextItemRoute.handle;

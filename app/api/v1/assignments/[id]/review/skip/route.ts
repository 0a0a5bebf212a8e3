import { movedSkipItemRoute } from "@/lib/audits/review-routes";

export const POST = movedSkipItemRoute.handle;

import { skipItemRoute } from "@/lib/audits/review-routes";

export const POST = skipItemRoute.handle;

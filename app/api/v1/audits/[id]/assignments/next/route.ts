import { nextItemRoute } from "@/lib/audits/review-routes";

export const POST = nextItemRoute.handle;

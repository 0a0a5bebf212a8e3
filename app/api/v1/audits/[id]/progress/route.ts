import { campaignProgressRoute } from "@/lib/audits/review-routes";

export const GET = campaignProgressRoute.handle;

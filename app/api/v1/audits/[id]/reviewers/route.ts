import { getCampaignReviewersRoute, setCampaignReviewersRoute } from "@/lib/audits/reviewers-routes";

export const GET = getCampaignReviewersRoute.handle;
export const PUT = setCampaignReviewersRoute.handle;

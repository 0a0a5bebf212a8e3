import { listCampaignsRoute, createCampaignRoute } from "@/lib/audits/campaign-routes";

export const GET = listCampaignsRoute.handle;
export const POST = createCampaignRoute.handle;

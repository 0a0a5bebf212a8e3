import { pauseCampaignRoute } from "@/lib/audits/campaign-routes";

export const POST = pauseCampaignRoute.handle;

import { closeCampaignRoute } from "@/lib/audits/campaign-routes";

export const POST = closeCampaignRoute.handle;

import { getCampaignRoute } from "@/lib/audits/campaign-routes";

export const GET = getCampaignRoute.handle;

import { resumeCampaignRoute } from "@/lib/audits/campaign-routes";

export const POST = resumeCampaignRoute.handle;

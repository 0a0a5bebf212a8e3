import "server-only";
import { loadCampaignItems } from "./load-campaign-items";
import { buildReport } from "./report";

export async function loadCampaignReport(campaignId: string) {
  const { campaign, input } = await loadCampaignItems(campaignId);
  return {
    campaign: {
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      dataset: campaign.dataset.name,
      sampleSize: campaign.sampleSize,
      strata: campaign.strataField,
      seed: campaign.seed,
      reviewersPerItem: campaign.reviewersPerItem,
    },
    ...buildReport(input),
  };
}

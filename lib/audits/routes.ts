import "server-only";
import {
  closeCampaignRoute,
  createCampaignRoute,
  getCampaignRoute,
  listCampaignsRoute,
  pauseCampaignRoute,
  resumeCampaignRoute,
  updateFlagsRoute,
} from "./campaign-routes";
import {
  adjudicateRoute,
  disagreementsRoute,
  exportRoute,
  reportRoute,
  reviewsCsvRoute,
} from "./result-routes";
import {
  movedNextItemRoute,
  movedSaveDraftRoute,
  movedSkipItemRoute,
  movedSubmitReviewRoute,
  nextItemRoute,
  campaignProgressRoute,
} from "./review-routes";
import { getCampaignReviewersRoute, setCampaignReviewersRoute } from "./reviewers-routes";

export const auditRoutes = [
  createCampaignRoute,
  listCampaignsRoute,
  getCampaignRoute,
  pauseCampaignRoute,
  resumeCampaignRoute,
  closeCampaignRoute,
  updateFlagsRoute,
  getCampaignReviewersRoute,
  setCampaignReviewersRoute,
  nextItemRoute,
  campaignProgressRoute,
  movedNextItemRoute,
  movedSubmitReviewRoute,
  movedSaveDraftRoute,
  movedSkipItemRoute,
  reportRoute,
  reviewsCsvRoute,
  exportRoute,
  disagreementsRoute,
  adjudicateRoute,
];

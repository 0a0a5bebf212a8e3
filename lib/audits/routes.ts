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
import { adjudicateRoute, disagreementsRoute, exportRoute, reportRoute, reviewsCsvRoute } from "./result-routes";
import { nextItemRoute, saveDraftRoute, skipItemRoute, submitReviewRoute } from "./review-routes";

export const auditRoutes = [
  createCampaignRoute,
  listCampaignsRoute,
  getCampaignRoute,
  pauseCampaignRoute,
  resumeCampaignRoute,
  closeCampaignRoute,
  updateFlagsRoute,
  nextItemRoute,
  submitReviewRoute,
  saveDraftRoute,
  skipItemRoute,
  reportRoute,
  reviewsCsvRoute,
  exportRoute,
  disagreementsRoute,
  adjudicateRoute,
];

import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { listCampaignReviewers } from "./campaign-reviewers";
import { ZCampaignParams, ZCampaignReviewers } from "./schemas";
import { setCampaignReviewers } from "./set-campaign-reviewers";

export const getCampaignReviewersRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/audits/:id/reviewers",
    summary:
      "A campaign's named reviewers ([]: open to every reviewer) and the clinicians who could be named",
    tag: "Audits",
    permission: "audits:manage",
    params: ZCampaignParams,
    response: { status: 200, description: "{ reviewerIds, candidates: [{ id, name, email }] }" },
  },
  async ({ params }) => json(await listCampaignReviewers(params.id)),
);

export const setCampaignReviewersRoute = defineApiRoute(
  {
    method: "PUT",
    path: "/api/v1/audits/:id/reviewers",
    summary:
      "Name the clinicians who may review this campaign ([] opens it to every reviewer); leases of anyone left out are released",
    tag: "Audits",
    permission: "audits:manage",
    params: ZCampaignParams,
    body: ZCampaignReviewers,
    response: { status: 200, description: "{ reviewerIds, releasedAssignments }" },
  },
  async ({ user, params, body, ctx }) =>
    json(await setCampaignReviewers(user, params.id, body.reviewerIds, ctx)),
);

import "server-only";
import { z } from "zod";
import { hasPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { forbidden } from "@/lib/errors/app-error";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { createCampaign } from "./create-campaign";
import { getCampaign, listCampaigns } from "./get-campaign";
import { ZCampaignParams, ZCreateCampaign, ZUpdateFlags } from "./schemas";
import { updateCampaignFlags } from "./update-flags";
import { setCampaignStatus, type TCampaignMove } from "./set-campaign-status";

/** Reviewers, admins and researchers all see campaigns (no texts, no reviews). */
function requireAuditRole(user: TCurrentUser) {
  if (
    !(["audits:review", "audits:manage", "audits:results"] as const).some((p) => hasPermission(user.role, p))
  )
    throw forbidden();
}

export const createCampaignRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/audits",
    summary:
      "Start an audit campaign: a seeded sample (fixed size or fraction, optionally stratified) of a dataset",
    tag: "Audits",
    permission: "audits:manage",
    body: ZCreateCampaign,
    response: {
      status: 201,
      schema: z.object({ id: z.string() }),
      description: "Created with its queue filled",
    },
  },
  async ({ user, body, ctx }) => {
    const r = await createCampaign(user, body, ctx);
    return json(r, 201, { location: `/api/v1/audits/${r.id}` });
  },
);

export const listCampaignsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/audits",
    summary: "List audit campaigns",
    tag: "Audits",
    permission: null,
    response: { status: 200, description: "{ campaigns: [...] }, newest first" },
  },
  async ({ user }) => {
    requireAuditRole(user);
    // Admins and researchers see every campaign; a reviewer only those open to them.
    const reviewerOnly = !hasPermission(user.role, "audits:results");
    return json({ campaigns: await listCampaigns(reviewerOnly ? user.id : undefined) });
  },
);

export const getCampaignRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/audits/:id",
    summary: "A campaign's settings, status and progress per reviewer",
    tag: "Audits",
    permission: null,
    params: ZCampaignParams,
    response: { status: 200, description: "The campaign" },
  },
  async ({ user, params }) => {
    requireAuditRole(user);
    return json(await getCampaign(params.id));
  },
);

function moveRoute(move: TCampaignMove) {
  return defineApiRoute(
    {
      method: "POST",
      path: `/api/v1/audits/:id/${move}`,
      summary: `${move[0]?.toUpperCase()}${move.slice(1)} a campaign`,
      tag: "Audits",
      permission: "audits:manage",
      params: ZCampaignParams,
      response: { status: 200, schema: z.object({ status: z.string() }), description: "The new status" },
    },
    async ({ user, params, ctx }) => json(await setCampaignStatus(user, params.id, move, ctx)),
  );
}
export const pauseCampaignRoute = moveRoute("pause");
export const resumeCampaignRoute = moveRoute("resume");
export const closeCampaignRoute = moveRoute("close");

export const updateFlagsRoute = defineApiRoute(
  {
    method: "PUT",
    path: "/api/v1/audits/:id/flags",
    summary: "Edit the campaign's error flags (used flags can be renamed, not removed)",
    tag: "Audits",
    permission: "audits:manage",
    params: ZCampaignParams,
    body: ZUpdateFlags,
    response: { status: 200, description: "{ flags }" },
  },
  async ({ user, params, body, ctx }) =>
    json({ flags: await updateCampaignFlags(user, params.id, body.flags, ctx) }),
);

import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { listPhiConfirmations } from "./list-confirmations";
import { redactConfirmation } from "./redact-confirmation";
import { ZConfirmationId, ZConfirmationListQuery } from "./schemas";

export const listConfirmationsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/phi/confirmations",
    summary:
      'Identifiers people confirmed as "not PHI" in what they wrote, newest first, with where each is in the current text',
    tag: "PHI",
    permission: "phi:redact",
    query: ZConfirmationListQuery,
    response: { status: 200, description: "One page of confirmations (page, pageSize, total)" },
  },
  async ({ user, query }) => json(await listPhiConfirmations(user, query)),
);

export const redactConfirmationRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/phi/confirmations/:id/redact",
    summary:
      "Redact a confirmed identifier from its text, the drafts and the audit trail (a repeat changes nothing)",
    tag: "PHI",
    permission: "phi:redact",
    params: ZConfirmationId,
    response: {
      status: 200,
      description: "How many stored copies were redacted; redacted: false when there was nothing left to do",
    },
  },
  async ({ user, params, ctx }) => json(await redactConfirmation(user, params.id, ctx)),
);

export const phiRoutes = [listConfirmationsRoute, redactConfirmationRoute];

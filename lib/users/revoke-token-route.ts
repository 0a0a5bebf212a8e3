import "server-only";
import { z } from "zod";
import { defineApiRoute } from "@/lib/http/api-route";
import { revokeOwnApiToken } from "@/lib/users/own-account";

export const revokeTokenRoute = defineApiRoute(
  {
    method: "DELETE",
    path: "/api/v1/tokens/:id",
    summary: "Revoke one of your own API tokens",
    tag: "Account",
    permission: "account:self",
    params: z.object({ id: z.uuid({ message: "Unknown token" }) }),
    response: { status: 204, description: "Revoked" },
  },
  async ({ user, params, ctx }) => {
    await revokeOwnApiToken(user, params.id, ctx);
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  },
);

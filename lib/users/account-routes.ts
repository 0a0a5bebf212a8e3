import "server-only";
import { z } from "zod";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { signOutEverywhere } from "@/lib/users/manage-user";
import { changeOwnPassword, createOwnApiToken, revokeOwnSession } from "@/lib/users/own-account";
import { ZChangeOwnPassword, ZCreateApiToken } from "@/lib/users/schemas";

const noContent = () => new Response(null, { status: 204, headers: { "cache-control": "no-store" } });

export const changePasswordRoute = defineApiRoute(
  {
    method: "PUT",
    path: "/api/v1/me/password",
    summary: "Change your own password (signs your other sessions out)",
    tag: "Account",
    permission: "account:self",
    body: ZChangeOwnPassword,
    response: { status: 200, description: "How many other sessions were signed out" },
  },
  async ({ user, body, ctx }) => json(await changeOwnPassword(user, body, ctx)),
);

export const createTokenRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/tokens",
    summary: "Create an API token for yourself (shown once)",
    tag: "Account",
    permission: "account:self",
    body: ZCreateApiToken,
    response: { status: 201, description: "The token, shown only in this answer" },
  },
  async ({ user, body, ctx }) => {
    const t = await createOwnApiToken(user, body, ctx);
    return json({ token: t.token, expiresAt: t.expiresAt?.toISOString() ?? null }, 201);
  },
);

export const revokeSessionRoute = defineApiRoute(
  {
    method: "DELETE",
    path: "/api/v1/me/sessions/:id",
    summary: "Sign one of your own browser sessions out",
    tag: "Account",
    permission: "account:self",
    params: z.object({ id: z.uuid({ message: "Unknown session" }) }),
    response: { status: 204, description: "Signed out" },
  },
  async ({ user, params, ctx }) => {
    await revokeOwnSession(user, params.id, ctx);
    return noContent();
  },
);

export const signOutEverywhereSelfRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/me/sign-out-everywhere",
    summary: "Sign out of every browser, this one included",
    tag: "Account",
    permission: "account:self",
    response: { status: 200, description: "How many sessions were signed out" },
  },
  async ({ user, ctx }) => json({ revoked: await signOutEverywhere(user, user.id, ctx) }),
);

export const accountRoutes = [
  changePasswordRoute,
  createTokenRoute,
  revokeSessionRoute,
  signOutEverywhereSelfRoute,
];

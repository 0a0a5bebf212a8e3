import "server-only";
import { definePublicRoute, json } from "@/lib/http/api-route";
import { appBaseUrl } from "@/lib/http/base-url";
import { acceptAccountLink } from "@/lib/users/accept-account-link";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { requestPasswordReset } from "@/lib/users/request-password-reset";
import { ZAcceptLink, ZCreateFirstAdmin, ZRequestPasswordReset } from "@/lib/users/schemas";

// Under /api/v1, never /api/auth/* (next-auth's). Anyone may call these; the services decide
// (setup only while there is no admin; resets throttled and answered alike for every address).

export const setupRoute = definePublicRoute(
  {
    method: "POST",
    path: "/api/v1/setup",
    summary: "Create the first admin account (only while there is none)",
    tag: "Public",
    body: ZCreateFirstAdmin,
    response: { status: 201, description: "The first admin exists; sign in" },
  },
  async ({ body, ctx }) => {
    await createFirstAdmin(body, ctx);
    return json({ created: true }, 201);
  },
);

export const requestPasswordResetRoute = definePublicRoute(
  {
    method: "POST",
    path: "/api/v1/password-resets",
    summary: "Ask for a password-reset link (the same answer whether or not the address has an account)",
    tag: "Public",
    body: ZRequestPasswordReset,
    response: { status: 202, description: "The generic confirmation" },
  },
  async ({ body, ctx }) => json(await requestPasswordReset(body, ctx, appBaseUrl()), 202),
);

export const acceptLinkRoute = definePublicRoute(
  {
    method: "POST",
    path: "/api/v1/account-links/accept",
    summary: "Complete an invitation (creates the account) or a reset (sets a new password)",
    tag: "Public",
    body: ZAcceptLink,
    response: { status: 200, description: "Which kind of link was completed" },
  },
  async ({ body, ctx }) => json({ kind: (await acceptAccountLink(body, ctx)).kind }),
);

export const publicRoutes = [setupRoute, requestPasswordResetRoute, acceptLinkRoute];

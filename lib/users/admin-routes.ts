import "server-only";
import { z } from "zod";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { appBaseUrl } from "@/lib/http/base-url";
import { inviteUser } from "@/lib/users/invite-user";
import {
  changeUserRole,
  issuePasswordReset,
  pseudonymiseUser,
  setUserDisabled,
  signOutEverywhere,
} from "@/lib/users/manage-user";
import { ZInviteUser, ZRoleBody } from "@/lib/users/schemas";

const ZUserParams = z.object({ id: z.uuid({ message: "Unknown user" }) });
const noContent = () => new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
const base = { tag: "Users", permission: "users:manage" } as const;

export const inviteUserRoute = defineApiRoute(
  {
    ...base,
    method: "POST",
    path: "/api/v1/users",
    summary: "Invite someone (a single-use link, e-mailed when mail is configured)",
    body: ZInviteUser,
    response: { status: 201, description: "The invitation link and whether it was mailed" },
  },
  async ({ user, body, ctx }) => {
    const r = await inviteUser(user, body, ctx, appBaseUrl());
    return json(
      { url: r.url, expiresAt: r.expiresAt.toISOString(), mailed: r.mailed, email: body.email },
      201,
    );
  },
);

export const issueResetRoute = defineApiRoute(
  {
    ...base,
    method: "POST",
    path: "/api/v1/users/:id/reset-link",
    summary: "Issue a password-reset link for someone",
    params: ZUserParams,
    response: { status: 201, description: "The reset link and whether it was mailed" },
  },
  async ({ user, params, ctx }) => {
    const r = await issuePasswordReset(user, params.id, ctx, appBaseUrl());
    return json({ url: r.url, expiresAt: r.expiresAt.toISOString(), mailed: r.mailed }, 201);
  },
);

export const changeRoleRoute = defineApiRoute(
  {
    ...base,
    method: "PUT",
    path: "/api/v1/users/:id/role",
    summary: "Change someone's role",
    params: ZUserParams,
    body: ZRoleBody,
    response: { status: 204, description: "Changed" },
  },
  async ({ user, params, body, ctx }) => {
    await changeUserRole(user, params.id, body.role, ctx);
    return noContent();
  },
);

/** Disable and enable: the same service, one route each so the audit and the button say which. */
const statusRoute = (verb: "disable" | "enable") =>
  defineApiRoute(
    {
      ...base,
      method: "POST",
      path: `/api/v1/users/:id/${verb}`,
      summary:
        verb === "disable" ? "Disable an account (signs it out, revokes its tokens)" : "Enable an account",
      params: ZUserParams,
      response: { status: 204, description: verb === "disable" ? "Disabled" : "Enabled" },
    },
    async ({ user, params, ctx }) => {
      await setUserDisabled(user, params.id, verb === "disable", ctx);
      return noContent();
    },
  );
export const disableUserRoute = statusRoute("disable");
export const enableUserRoute = statusRoute("enable");

export const signOutUserRoute = defineApiRoute(
  {
    ...base,
    method: "POST",
    path: "/api/v1/users/:id/sign-out-everywhere",
    summary: "Sign someone out of every browser",
    params: ZUserParams,
    response: { status: 200, description: "How many sessions were signed out" },
  },
  async ({ user, params, ctx }) => json({ revoked: await signOutEverywhere(user, params.id, ctx) }),
);

export const pseudonymiseUserRoute = defineApiRoute(
  {
    ...base,
    method: "POST",
    path: "/api/v1/users/:id/pseudonymise",
    summary: "Remove a disabled account's name and e-mail for good (its work stays under its pseudonym)",
    params: ZUserParams,
    response: { status: 204, description: "Pseudonymised" },
  },
  async ({ user, params, ctx }) => {
    await pseudonymiseUser(user, params.id, ctx);
    return noContent();
  },
);

export const adminUserRoutes = [
  inviteUserRoute,
  issueResetRoute,
  changeRoleRoute,
  disableUserRoute,
  enableUserRoute,
  signOutUserRoute,
  pseudonymiseUserRoute,
];

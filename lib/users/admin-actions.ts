"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/http/action-client";
import { appBaseUrl } from "@/lib/http/base-url";
import { inviteUser } from "@/lib/users/invite-user";
import {
  changeUserRole,
  issuePasswordReset,
  pseudonymiseUser,
  setUserDisabled,
  signOutEverywhere,
} from "@/lib/users/manage-user";
import { ZChangeRole, ZInviteUser, ZUserId } from "@/lib/users/schemas";

const P = "users:manage" as const;

const invite = authorizedAction({ permission: P, schema: ZInviteUser }, async (input, user, ctx) => {
  const r = await inviteUser(user, input, ctx, appBaseUrl());
  revalidatePath("/admin/users");
  return { url: r.url, expiresAt: r.expiresAt.toISOString(), mailed: r.mailed, email: input.email };
});

export async function inviteUserAction(_prev: unknown, form: FormData) {
  return invite(form);
}

const reset = authorizedAction({ permission: P, schema: ZUserId }, async ({ userId }, user, ctx) => {
  const r = await issuePasswordReset(user, userId, ctx, appBaseUrl());
  return { url: r.url, expiresAt: r.expiresAt.toISOString(), mailed: r.mailed };
});

export async function issueResetAction(_prev: unknown, form: FormData) {
  return reset(form);
}

const role = authorizedAction(
  { permission: P, schema: ZChangeRole },
  async ({ userId, role: r }, user, ctx) => {
    await changeUserRole(user, userId, r, ctx);
    revalidatePath("/admin/users");
  },
);
export async function changeRoleAction(_prev: unknown, form: FormData) {
  return role(form);
}

const disable = authorizedAction({ permission: P, schema: ZUserId }, async ({ userId }, user, ctx) => {
  await setUserDisabled(user, userId, true, ctx);
  revalidatePath("/admin/users");
});
export async function disableUserAction(_prev: unknown, form: FormData) {
  return disable(form);
}

const enable = authorizedAction({ permission: P, schema: ZUserId }, async ({ userId }, user, ctx) => {
  await setUserDisabled(user, userId, false, ctx);
  revalidatePath("/admin/users");
});
export async function enableUserAction(_prev: unknown, form: FormData) {
  return enable(form);
}

const signOutAll = authorizedAction({ permission: P, schema: ZUserId }, async ({ userId }, user, ctx) => {
  const n = await signOutEverywhere(user, userId, ctx);
  revalidatePath("/admin/users");
  return { revoked: n };
});
export async function signOutEverywhereAction(_prev: unknown, form: FormData) {
  return signOutAll(form);
}

const pseudonymise = authorizedAction({ permission: P, schema: ZUserId }, async ({ userId }, user, ctx) => {
  await pseudonymiseUser(user, userId, ctx);
  revalidatePath("/admin/users");
});
export async function pseudonymiseUserAction(_prev: unknown, form: FormData) {
  return pseudonymise(form);
}

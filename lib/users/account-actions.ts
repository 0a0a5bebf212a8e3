"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/http/action-client";
import {
  changeOwnPassword,
  createOwnApiToken,
  revokeOwnApiToken,
  revokeOwnSession,
} from "@/lib/users/own-account";
import { signOutEverywhere } from "@/lib/users/manage-user";
import { ZChangeOwnPassword, ZCreateApiToken, ZSessionId, ZTokenId } from "@/lib/users/schemas";
import { z } from "zod";

const P = "account:self" as const;

const password = authorizedAction({ permission: P, schema: ZChangeOwnPassword }, (input, user, ctx) =>
  changeOwnPassword(user, input, ctx),
);
export async function changePasswordAction(_prev: unknown, form: FormData) {
  return password(form);
}

const token = authorizedAction({ permission: P, schema: ZCreateApiToken }, async (input, user, ctx) => {
  const t = await createOwnApiToken(user, input, ctx);
  revalidatePath("/account");
  return { token: t.token, expiresAt: t.expiresAt?.toISOString() ?? null };
});
export async function createTokenAction(_prev: unknown, form: FormData) {
  return token(form);
}

const revokeToken = authorizedAction({ permission: P, schema: ZTokenId }, async ({ tokenId }, user, ctx) => {
  await revokeOwnApiToken(user, tokenId, ctx);
  revalidatePath("/account");
});
export async function revokeTokenAction(_prev: unknown, form: FormData) {
  return revokeToken(form);
}

const revokeSession = authorizedAction(
  { permission: P, schema: ZSessionId },
  async ({ sessionId }, user, ctx) => {
    await revokeOwnSession(user, sessionId, ctx);
    revalidatePath("/account");
  },
);
export async function revokeSessionAction(_prev: unknown, form: FormData) {
  return revokeSession(form);
}

const everywhere = authorizedAction({ permission: P, schema: z.object({}) }, async (_input, user, ctx) =>
  signOutEverywhere(user, user.id, ctx),
);
export async function signOutEverywhereSelfAction(_prev: unknown, _form: FormData) {
  return everywhere({});
}

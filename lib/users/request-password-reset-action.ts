"use server";

import { publicAction } from "@/lib/http/action-client";
import { appBaseUrl } from "@/lib/http/base-url";
import { requestPasswordReset, ZRequestPasswordReset } from "@/lib/users/request-password-reset";

const request = publicAction({ schema: ZRequestPasswordReset }, async (input, ctx) =>
  requestPasswordReset(input, ctx, appBaseUrl()),
);

export async function requestPasswordResetAction(_prev: unknown, form: FormData) {
  return request(form);
}

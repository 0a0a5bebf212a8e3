"use server";

import { publicAction } from "@/lib/http/action-client";
import { acceptAccountLink } from "@/lib/users/accept-account-link";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { ZAcceptLink, ZCreateFirstAdmin } from "@/lib/users/schemas";

const setup = publicAction({ schema: ZCreateFirstAdmin }, (input, ctx) => createFirstAdmin(input, ctx));
const accept = publicAction({ schema: ZAcceptLink }, (input, ctx) => acceptAccountLink(input, ctx));

export async function setupAction(_prev: unknown, form: FormData) {
  return setup(form);
}

export async function acceptLinkAction(_prev: unknown, form: FormData) {
  return accept(form);
}

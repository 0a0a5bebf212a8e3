"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/http/action-client";
import { addAlias } from "./add-alias";
import { addTerm } from "./add-term";
import { ZAddAlias, ZAddTerm } from "./schemas";

const PATH = "/admin/vocabulary";

const add = authorizedAction({ permission: "vocab:manage", schema: ZAddTerm }, async (input, user, ctx) => {
  const t = await addTerm(user, input, ctx);
  revalidatePath(PATH);
  return { label: t.label };
});
export async function addTermAction(_prev: unknown, form: FormData) {
  return add(form);
}

const alias = authorizedAction({ permission: "vocab:manage", schema: ZAddAlias }, async (input, user, ctx) => {
  const t = await addAlias(user, input, ctx);
  revalidatePath(PATH);
  return { label: t.label };
});
export async function addAliasAction(_prev: unknown, form: FormData) {
  return alias(form);
}

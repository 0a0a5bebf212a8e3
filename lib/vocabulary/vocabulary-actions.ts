"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/http/action-client";
import { addAlias } from "./add-alias";
import { addTerm } from "./add-term";
import { removeAlias } from "./remove-alias";
import { renameTerm } from "./rename-term";
import { restoreTerm } from "./restore-term";
import { retireTerm } from "./retire-term";
import { ZAddAlias, ZAddTerm, ZRemoveAlias, ZRenameTerm, ZRestoreTerm, ZRetireTerm } from "./schemas";

const PATH = "/admin/vocabulary";

const add = authorizedAction({ permission: "vocab:manage", schema: ZAddTerm }, async (input, user, ctx) => {
  const t = await addTerm(user, input, ctx);
  revalidatePath(PATH);
  return { label: t.label };
});
export async function addTermAction(_prev: unknown, form: FormData) {
  return add(form);
}

const alias = authorizedAction(
  { permission: "vocab:manage", schema: ZAddAlias },
  async (input, user, ctx) => {
    const t = await addAlias(user, input, ctx);
    revalidatePath(PATH);
    return { label: t.label };
  },
);
export async function addAliasAction(_prev: unknown, form: FormData) {
  return alias(form);
}

const unalias = authorizedAction(
  { permission: "vocab:manage", schema: ZRemoveAlias },
  async (input, user, ctx) => {
    const t = await removeAlias(user, input, ctx);
    revalidatePath(PATH);
    return { label: t.label };
  },
);
export async function removeAliasAction(_prev: unknown, form: FormData) {
  return unalias(form);
}

const rename = authorizedAction(
  { permission: "vocab:manage", schema: ZRenameTerm },
  async (input, user, ctx) => {
    const t = await renameTerm(user, input, ctx);
    revalidatePath(PATH);
    return { label: t.label };
  },
);
export async function renameTermAction(_prev: unknown, form: FormData) {
  return rename(form);
}

const retire = authorizedAction(
  { permission: "vocab:manage", schema: ZRetireTerm },
  async (input, user, ctx) => {
    const r = await retireTerm(user, input, ctx);
    revalidatePath(PATH);
    return { label: r.term.label, replacement: r.replacement?.label ?? null, seedsUsing: r.seedsUsing };
  },
);
export async function retireTermAction(_prev: unknown, form: FormData) {
  return retire(form);
}

const restore = authorizedAction(
  { permission: "vocab:manage", schema: ZRestoreTerm },
  async (input, user, ctx) => {
    const t = await restoreTerm(user, input, ctx);
    revalidatePath(PATH);
    return { label: t.label };
  },
);
export async function restoreTermAction(_prev: unknown, form: FormData) {
  return restore(form);
}

import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { addAlias } from "./add-alias";
import { addTerm } from "./add-term";
import { applyMappings } from "./apply-mappings";
import { listTermsPage } from "./list-terms-page";
import { removeAlias } from "./remove-alias";
import { renameTerm } from "./rename-term";
import { restoreTerm } from "./restore-term";
import { retireTerm } from "./retire-term";
import {
  ZAddAlias,
  ZAddTerm,
  ZApplyMappings,
  ZListTermsQuery,
  ZRemoveAlias,
  ZRenameTerm,
  ZRetireTerm,
  ZTermIdParams,
} from "./schemas";

const TAG = "Vocabulary";
const PERMISSION = "vocab:manage" as const;
const term = (t: { id: string; kind: string; label: string; aliases: string[] }) => ({
  id: t.id,
  kind: t.kind,
  label: t.label,
  aliases: t.aliases,
});

export const listTermsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/vocabulary/terms",
    summary: "One page of vocabulary terms (live or retired), searched in labels and aliases, by label",
    tag: TAG,
    permission: PERMISSION,
    query: ZListTermsQuery,
    response: {
      status: 200,
      description: "items, total (all matches) and nextCursor (null on the last page)",
    },
  },
  async ({ query }) => json(await listTermsPage(query)),
);

export const addTermRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/vocabulary/terms",
    summary: "Add a term (409 when a live or retired term already has the spelling)",
    tag: TAG,
    permission: PERMISSION,
    body: ZAddTerm,
    response: { status: 201, description: "The new term" },
  },
  async ({ user, body, ctx }) => json(term(await addTerm(user, body, ctx)), 201),
);

export const renameTermRoute = defineApiRoute(
  {
    method: "PATCH",
    path: "/api/v1/vocabulary/terms/:id",
    summary: "Rename a live term, keeping the old label as an alias unless told otherwise",
    tag: TAG,
    permission: PERMISSION,
    params: ZTermIdParams,
    body: ZRenameTerm.omit({ termId: true }),
    response: { status: 200, description: "The renamed term" },
  },
  async ({ user, params, body, ctx }) =>
    json(term(await renameTerm(user, { ...body, termId: params.id }, ctx))),
);

export const addAliasRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/vocabulary/terms/:id/aliases",
    summary: "Give a live term another spelling (409 when another term has it)",
    tag: TAG,
    permission: PERMISSION,
    params: ZTermIdParams,
    body: ZAddAlias.omit({ termId: true }),
    response: { status: 200, description: "The term with its aliases" },
  },
  async ({ user, params, body, ctx }) =>
    json(term(await addAlias(user, { ...body, termId: params.id }, ctx))),
);

export const removeAliasRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/vocabulary/terms/:id/aliases/remove",
    summary: "Drop one alias of a term (later imports list that spelling as unknown again)",
    tag: TAG,
    permission: PERMISSION,
    params: ZTermIdParams,
    body: ZRemoveAlias.omit({ termId: true }),
    response: { status: 200, description: "The term with its aliases" },
  },
  async ({ user, params, body, ctx }) =>
    json(term(await removeAlias(user, { ...body, termId: params.id }, ctx))),
);

export const retireTermRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/vocabulary/terms/:id/retire",
    summary: "Retire a term, optionally sending its spellings to a live replacement of the same kind",
    tag: TAG,
    permission: PERMISSION,
    params: ZTermIdParams,
    body: ZRetireTerm.omit({ termId: true }),
    response: { status: 200, description: "The retired term, its replacement, and how many seeds keep it" },
  },
  async ({ user, params, body, ctx }) => {
    const r = await retireTerm(user, { ...body, termId: params.id }, ctx);
    return json({
      term: term(r.term),
      replacement: r.replacement ? term(r.replacement) : null,
      seedsUsing: r.seedsUsing,
    });
  },
);

export const restoreTermRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/vocabulary/terms/:id/restore",
    summary: "Restore a retired term (409 when a live term has taken one of its spellings)",
    tag: TAG,
    permission: PERMISSION,
    params: ZTermIdParams,
    response: { status: 200, description: "The restored term" },
  },
  async ({ user, params, ctx }) => json(term(await restoreTerm(user, { termId: params.id }, ctx))),
);

export const applyMappingsRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/vocabulary/mappings",
    summary:
      "Map many unknown labels at once (new terms with aliases, or aliases of live terms), all or nothing",
    tag: TAG,
    permission: PERMISSION,
    body: ZApplyMappings,
    response: {
      status: 200,
      description:
        "The terms added and the terms given aliases; 422 with a field error per refused decision (nothing written)",
    },
  },
  async ({ user, body, ctx }) => json(await applyMappings(user, body, ctx)),
);

/** The vocabulary feature's /api/v1 routes (one line in the shared registry). */
export const vocabularyRoutes = [
  listTermsRoute,
  addTermRoute,
  renameTermRoute,
  addAliasRoute,
  removeAliasRoute,
  retireTermRoute,
  restoreTermRoute,
  applyMappingsRoute,
];

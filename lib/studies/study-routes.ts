import "server-only";
import { z } from "zod";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { createStudy } from "@/lib/studies/create-study";
import { getStudy, listStudies } from "@/lib/studies/get-study";
import { setIdentityRevealing } from "@/lib/studies/set-identity-revealing";
import { setStudyTitle } from "@/lib/studies/set-study-title";
import { setStudyAllocation } from "@/lib/studies/set-study-allocation";
import {
  ZCreateStudy,
  ZIdentityRevealing,
  ZStudyAllocation,
  ZStudyId,
  ZStudyTitle,
} from "@/lib/studies/schemas";

export const createStudyRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/studies",
    summary:
      'Create a blinded pairwise preference study (draft). `title` is what raters see (default "Study <number>"); it must not name a model or vendor (422 on `title`)',
    tag: "Studies",
    permission: "studies:manage",
    body: ZCreateStudy,
    response: { status: 201, description: "The new study" },
  },
  async ({ user, body, ctx }) => {
    const study = await createStudy(user, body, ctx);
    return json(await getStudy(study.id), 201);
  },
);

export const listStudiesRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/studies",
    summary: "List preference studies",
    tag: "Studies",
    permission: "studies:results",
    response: {
      status: 200,
      schema: z.object({
        studies: z.array(
          z.object({
            id: z.string(),
            number: z.number(),
            name: z.string(),
            title: z.string(),
            status: z.string(),
          }),
        ),
      }),
      description: "Newest first",
    },
  },
  async () => json({ studies: await listStudies() }),
);

export const getStudyRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/studies/:id",
    summary: "A study's settings, models, flagged outputs and progress",
    tag: "Studies",
    permission: "studies:results",
    params: ZStudyId,
    response: { status: 200, description: "The study" },
  },
  async ({ params }) => json(await getStudy(params.id)),
);

export const setStudyTitleRoute = defineApiRoute(
  {
    method: "PATCH",
    path: "/api/v1/studies/:id",
    summary:
      "Change the title raters see (until the study closes); refused (422 on `title`) when it names a model of the study or a vendor",
    tag: "Studies",
    permission: "studies:manage",
    params: ZStudyId,
    body: ZStudyTitle,
    response: { status: 200, schema: ZStudyTitle, description: "The new title" },
  },
  async ({ user, params, body, ctx }) => json(await setStudyTitle(user, params.id, body.title, ctx)),
);

export const identityRevealingRoute = defineApiRoute(
  {
    method: "PUT",
    path: "/api/v1/studies/:id/identity-revealing",
    summary:
      "Before the start: include (true) or hold back (false, the default) the comparisons whose outputs name their model. Recorded in the audit trail; held-back comparisons are reported by GET /studies/:id/stats",
    tag: "Studies",
    permission: "studies:manage",
    params: ZStudyId,
    body: ZIdentityRevealing,
    response: {
      status: 200,
      schema: z.object({ include: z.boolean(), outputs: z.number() }),
      description: "The choice and how many outputs it concerns",
    },
  },
  async ({ user, params, body, ctx }) => json(await setIdentityRevealing(user, params.id, body.include, ctx)),
);

export const studyAllocationRoute = defineApiRoute(
  {
    method: "PUT",
    path: "/api/v1/studies/:id/allocation",
    summary:
      "Before the start: uniform allocation, or adaptive with its goal (`ranking`: order neighbouring models at 95%; `ratings`: narrow the widest 95% interval). 409 once the study has started",
    tag: "Studies",
    permission: "studies:manage",
    params: ZStudyId,
    body: ZStudyAllocation,
    response: {
      status: 200,
      schema: z.object({ allocation: z.string(), allocationGoal: z.string().nullable() }),
      description: "The allocation now set",
    },
  },
  async ({ user, params, body, ctx }) => json(await setStudyAllocation(user, params.id, body, ctx)),
);

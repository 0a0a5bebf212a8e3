import "server-only";
import { z } from "zod";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { createStudy } from "@/lib/studies/create-study";
import { getStudy, listStudies } from "@/lib/studies/get-study";
import { ZCreateStudy, ZStudyId } from "@/lib/studies/schemas";

export const createStudyRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/studies",
    summary: "Create a blinded pairwise preference study (draft)",
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
    response: { status: 200, schema: z.object({ studies: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })) }), description: "Newest first" },
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

import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { setStudyRaters } from "@/lib/studies/set-study-raters";
import { ZStudyId, ZStudyRaters } from "@/lib/studies/schemas";

export const setStudyRatersRoute = defineApiRoute(
  {
    method: "PUT",
    path: "/api/v1/studies/:id/raters",
    summary: "Name the clinicians who may rate this study ([] opens it to every clinician)",
    tag: "Studies",
    permission: "studies:manage",
    params: ZStudyId,
    body: ZStudyRaters,
    response: { status: 200, description: "{raterIds}" },
  },
  async ({ user, params, body, ctx }) => json(await setStudyRaters(user, params.id, body.raterIds, ctx)),
);

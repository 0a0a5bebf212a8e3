import "server-only";
import type { TPermission } from "@/lib/auth/permissions";
import { ZCampaignParams } from "@/lib/audits/schemas";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { ZStudyId } from "@/lib/studies/schemas";
import { acknowledgeGuidelines } from "./acknowledge-guidelines";
import { getRaterGuidelines } from "./get-rater-guidelines";
import { listGuidelineVersions } from "./list-guideline-versions";
import type { TGuidelineKind } from "./owner";
import { saveGuidelines } from "./save-guidelines";
import { ZAcknowledgeGuidelines, ZSaveGuidelines } from "./schemas";

const FEATURE: Record<
  TGuidelineKind,
  {
    base: string;
    tag: string;
    params: typeof ZCampaignParams;
    manage: TPermission;
    work: TPermission;
    noun: string;
  }
> = {
  audit: {
    base: "/api/v1/audits/:id",
    tag: "Audits",
    params: ZCampaignParams,
    manage: "audits:manage",
    work: "audits:review",
    noun: "campaign",
  },
  study: {
    base: "/api/v1/studies/:id",
    tag: "Studies",
    params: ZStudyId,
    manage: "studies:manage",
    work: "studies:rate",
    noun: "study",
  },
};

/** The four guideline routes of a campaign or a study (issue 15 item 4): one shape for both. */
function guidelineRoutes(kind: TGuidelineKind) {
  const f = FEATURE[kind];
  const owner = (id: string) => ({ kind, id });
  return {
    get: defineApiRoute(
      {
        method: "GET",
        path: `${f.base}/guidelines`,
        summary: `The ${f.noun}'s current rater guidelines, each ${kind === "audit" ? "flag" : "criterion"} defined, and whether you acknowledged them`,
        tag: f.tag,
        permission: f.work,
        params: f.params,
        response: {
          status: 200,
          description:
            "{ version, guidelines, items: [{ key, label, definition }], acknowledgedVersion, mustAcknowledge }",
        },
      },
      async ({ user, params }) => json(await getRaterGuidelines(user, owner(params.id))),
    ),
    save: defineApiRoute(
      {
        method: "PUT",
        path: `${f.base}/guidelines`,
        summary: `Save the ${f.noun}'s guidelines and definitions as a new version (not once closed); 409 when baseVersion is not the current one`,
        tag: f.tag,
        permission: f.manage,
        params: f.params,
        body: ZSaveGuidelines,
        response: { status: 200, description: "{ version }" },
      },
      async ({ user, params, body, ctx }) => json(await saveGuidelines(user, owner(params.id), body, ctx)),
    ),
    versions: defineApiRoute(
      {
        method: "GET",
        path: `${f.base}/guidelines/versions`,
        summary: `Every saved version of the ${f.noun}'s guidelines, newest first`,
        tag: f.tag,
        permission: f.manage,
        params: f.params,
        response: {
          status: 200,
          description:
            "{ items: [{ key, label }], editable, versions: [{ version, guidelines, definitions, createdAt, createdBy }] }",
        },
      },
      async ({ params }) => json(await listGuidelineVersions(owner(params.id))),
    ),
    acknowledge: defineApiRoute(
      {
        method: "POST",
        path: `${f.base}/guidelines/acknowledgements`,
        summary: `Acknowledge the current version of the ${f.noun}'s guidelines (needed before the first claim and after each change)`,
        tag: f.tag,
        permission: f.work,
        params: f.params,
        body: ZAcknowledgeGuidelines,
        response: { status: 200, description: "{ acknowledgedVersion }" },
      },
      async ({ user, params, body, ctx }) =>
        json(await acknowledgeGuidelines(user, owner(params.id), body.version, ctx)),
    ),
  };
}

export const auditGuidelineRoutes = guidelineRoutes("audit");
export const studyGuidelineRoutes = guidelineRoutes("study");
export const allGuidelineRoutes = [
  ...Object.values(auditGuidelineRoutes),
  ...Object.values(studyGuidelineRoutes),
];

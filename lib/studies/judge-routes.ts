import "server-only";
import { z } from "zod";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { importJudgeVotes, judgeAgreement, ZJudgeAnnotations } from "@/lib/studies/judge-votes";
import { ZStudyId } from "@/lib/studies/schemas";

export const importJudgeRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/studies/:id/judge-annotations",
    summary: "Import an LLM judge's AlpacaEval annotations for one criterion",
    tag: "Studies",
    permission: "studies:manage",
    params: ZStudyId,
    query: z.object({ judge: z.string().trim().min(1).max(100), criterion: z.string().trim().min(1).max(40) }),
    body: ZJudgeAnnotations,
    response: { status: 200, description: "{stored, unmatched}" },
  },
  async ({ user, params, query, body, ctx }) => json(await importJudgeVotes(user, params.id, query.judge, query.criterion, body, ctx)),
);

export const judgeAgreementRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/studies/:id/judge-agreement",
    summary: "Human–LLM-judge agreement per judge and criterion (percent agreement, Cohen's kappa)",
    tag: "Studies",
    permission: "studies:results",
    params: ZStudyId,
    response: { status: 200, description: "{agreement: [{judge, criterion, n, percentAgreement, cohenKappa}]}" },
  },
  async ({ params }) => json({ agreement: await judgeAgreement(params.id) }),
);

import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { AppError } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/parse-input";
import { importJudgeVotes, judgeAgreement, ZJudgeAnnotations } from "@/lib/studies/judge-votes";
import { ZJudgeImportQuery, ZStudyId } from "@/lib/studies/schemas";
import { BODY_LIMITS } from "@/lib/http/body-limits";

// An AlpacaEval annotations file carries both outputs per row: 805 rows already pass 1 MB.
const MAX_BYTES = BODY_LIMITS.bulkUpload;

function parseAnnotations(text: string) {
  if (!text.trim())
    throw new AppError("VALIDATION", "The file is empty: it holds no annotations; nothing was imported");
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
  const parsed = ZJudgeAnnotations.safeParse(raw);
  if (!parsed.success)
    throw new AppError("VALIDATION", "The annotations are not in AlpacaEval format", {
      fieldErrors: fieldErrorsOf(parsed.error),
    });
  return parsed.data;
}

export const importJudgeRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/studies/:id/judge-annotations",
    summary: "Import an LLM judge's AlpacaEval annotations for one criterion",
    tag: "Studies",
    permission: "studies:manage",
    params: ZStudyId,
    query: ZJudgeImportQuery,
    bodyLimit: MAX_BYTES,
    rawBody: {
      kind: "text",
      contentTypes: ["application/json"],
      words: { what: "The upload" },
      parse: parseAnnotations,
      description:
        "AlpacaEval annotations: [{instruction, input?, generator_1, generator_2, preference}] (1 = generator_1 better, 2 = generator_2, 1.5 or 0 = tie); other fields are ignored",
    },
    response: { status: 200, description: "{stored, unmatched}" },
  },
  async ({ raw, user, params, query, ctx }) =>
    json(await importJudgeVotes(user, params.id, query.judge, query.criterion, raw, ctx)),
);

export const judgeAgreementRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/studies/:id/judge-agreement",
    summary: "Human–LLM-judge agreement per judge and criterion (percent agreement, Cohen's kappa)",
    tag: "Studies",
    permission: "studies:results",
    params: ZStudyId,
    response: {
      status: 200,
      description: "{agreement: [{judge, criterion, n, percentAgreement, cohenKappa}]}",
    },
  },
  async ({ params }) => json({ agreement: await judgeAgreement(params.id) }),
);

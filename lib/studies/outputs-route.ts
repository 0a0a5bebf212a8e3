import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { AppError } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/parse-input";
import { importOutputs } from "@/lib/studies/import-outputs";
import { parseAlpacaOutputs, parseMultiOutputJsonl, ZAlpacaOutputs } from "@/lib/studies/parse-outputs";
import { ZOutputsImportQuery, ZStudyId } from "@/lib/studies/schemas";
import { BODY_LIMITS } from "@/lib/http/body-limits";

const MAX_BYTES = BODY_LIMITS.bulkUpload;

function parseOutputsUpload(text: string, mediaType: string, models: string | undefined) {
  if (!text.trim())
    throw new AppError("VALIDATION", "The file is empty: it holds no outputs; nothing was imported");
  let outputs;
  if (mediaType === "application/json") {
    let raw: unknown;
    try {
      raw = JSON.parse(text) as unknown;
    } catch {
      throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
    }
    const parsed = ZAlpacaOutputs.safeParse(raw);
    if (!parsed.success)
      throw new AppError("VALIDATION", "The outputs are not in AlpacaEval format", {
        fieldErrors: fieldErrorsOf(parsed.error),
      });
    outputs = parseAlpacaOutputs(parsed.data);
  } else {
    const only = models
      ?.split(",")
      .map((m) => m.trim())
      .filter(Boolean);
    const r = parseMultiOutputJsonl(text, only);
    if (r.badLines.length)
      throw new AppError(
        "VALIDATION",
        `Lines ${r.badLines.slice(0, 10).join(", ")} are not JSON objects with an instruction`,
      );
    outputs = r.outputs;
  }
  if (outputs.length === 0) throw new AppError("VALIDATION", "No outputs found");
  return outputs;
}

export const importOutputsRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/studies/:id/outputs",
    summary:
      "Import model outputs: an AlpacaEval JSON array, or JSONL with one row per prompt and one column per model",
    tag: "Studies",
    permission: "studies:manage",
    params: ZStudyId,
    query: ZOutputsImportQuery,
    bodyLimit: MAX_BYTES,
    rawBody: {
      kind: "text",
      contentTypes: ["application/json", "application/x-ndjson", "application/jsonl"],
      words: { what: "The upload" },
      parse: (text, mediaType, query) => parseOutputsUpload(text, mediaType, query.models),
      description:
        "JSON: [{instruction, output, generator}]. JSONL: {instruction, input?, <model>[-answer]: text…}; ?models=a,b picks columns",
    },
    response: { status: 200, description: "What was imported, matched and flagged" },
  },
  async ({ raw, user, params, ctx }) => json(await importOutputs(user, params.id, raw, ctx)),
);

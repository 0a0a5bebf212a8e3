import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { AppError } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/parse-input";
import { importOutputs } from "@/lib/studies/import-outputs";
import { parseMultiOutputJsonl, parseOutputsJson } from "@/lib/studies/parse-outputs";
import { describeLineProblems, type TLineProblem } from "@/lib/studies/parse-conversation-outputs";
import { ZOutputsImportQuery, ZStudyId } from "@/lib/studies/schemas";
import { BODY_LIMITS } from "@/lib/http/body-limits";

const MAX_BYTES = BODY_LIMITS.bulkUpload;

/** Every refused line is named, so one upload shows every fix to make; nothing is imported. */
function refusedLines(problems: TLineProblem[], noun: "Line" | "Row") {
  return new AppError("VALIDATION", describeLineProblems(problems, noun), {
    extra: { lines: problems.slice(0, 100) },
  });
}

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
    const parsed = parseOutputsJson(raw);
    if (!parsed.ok && "zod" in parsed)
      throw new AppError("VALIDATION", "The outputs are not in AlpacaEval format", {
        fieldErrors: fieldErrorsOf(parsed.zod),
      });
    if (!parsed.ok) throw refusedLines(parsed.problems, "Row");
    outputs = parsed.outputs;
  } else {
    const only = models
      ?.split(",")
      .map((m) => m.trim())
      .filter(Boolean);
    const r = parseMultiOutputJsonl(text, only);
    if (r.problems.length) {
      const plain = r.badLines.map((line) => ({ line, reason: "is not a JSON object with an instruction" }));
      throw refusedLines(
        [...plain, ...r.problems].sort((a, b) => a.line - b.line),
        "Line",
      );
    }
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
        "JSON: [{instruction, output, generator}] or [{messages|conversations (ending with the model's answer), generator}]. JSONL: {instruction, input?, <model>[-answer]: text…}, {messages|conversations, generator}, or {messages|conversations (ending with the user), <model>: text…}; ?models=a,b picks models",
    },
    response: { status: 200, description: "What was imported, matched and flagged" },
  },
  async ({ raw, user, params, ctx }) => json(await importOutputs(user, params.id, raw, ctx)),
);

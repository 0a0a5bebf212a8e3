import "server-only";
import { z } from "zod";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { unstorableFieldErrors } from "@/lib/errors/parse-input";
import { problem, zodFieldErrors } from "@/lib/http/problem";
import { importOutputs } from "@/lib/studies/import-outputs";
import { parseAlpacaOutputs, parseMultiOutputJsonl, ZAlpacaOutputs } from "@/lib/studies/parse-outputs";
import { ZStudyId } from "@/lib/studies/schemas";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { readBodyText } from "@/lib/http/read-body";

const MAX_BYTES = BODY_LIMITS.bulkUpload;

export const importOutputsRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/studies/:id/outputs",
    summary: "Import model outputs: an AlpacaEval JSON array, or JSONL with one row per prompt and one column per model",
    tag: "Studies",
    permission: "studies:manage",
    params: ZStudyId,
    query: z.object({ models: z.string().max(2000).optional() }),
    bodyLimit: MAX_BYTES,
    rawBody: {
      contentTypes: ["application/json", "application/x-ndjson"],
      description: "JSON: [{instruction, output, generator}]. JSONL: {instruction, input?, <model>[-answer]: text…}; ?models=a,b picks columns",
    },
    response: { status: 200, description: "What was imported, matched and flagged" },
  },
  async ({ req, user, params, query, ctx }) => {
    const text = await readBodyText(req, MAX_BYTES, { what: "The upload" });
    if (!text.trim()) throw problem(422, "The file is empty: it holds no outputs; nothing was imported");
    const type = req.headers.get("content-type") ?? "";
    let outputs;
    if (type.includes("application/json")) {
      let raw: unknown;
      try {
        raw = JSON.parse(text) as unknown;
      } catch {
        throw problem(400, "The request body is not valid JSON");
      }
      const parsed = ZAlpacaOutputs.safeParse(raw);
      if (!parsed.success) throw problem(422, "The outputs are not in AlpacaEval format", { errors: zodFieldErrors(parsed.error) });
      outputs = parseAlpacaOutputs(parsed.data);
    } else if (type.includes("ndjson") || type.includes("jsonl")) {
      const only = query.models?.split(",").map((m) => m.trim()).filter(Boolean);
      const r = parseMultiOutputJsonl(text, only);
      if (r.badLines.length) throw problem(422, `Lines ${r.badLines.slice(0, 10).join(", ")} are not JSON objects with an instruction`);
      outputs = r.outputs;
    } else {
      throw problem(415, "Send application/json (AlpacaEval) or application/x-ndjson");
    }
    if (outputs.length === 0) throw problem(422, "No outputs found");
    // A raw body skips defineApiRoute's check: text PostgreSQL cannot store is a 422 here too.
    const unstorable = unstorableFieldErrors(outputs);
    if (unstorable) throw problem(422, "Some outputs hold text that cannot be stored", { errors: unstorable });
    return json(await importOutputs(user, params.id, outputs, ctx));
  },
);

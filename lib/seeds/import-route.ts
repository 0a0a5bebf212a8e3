import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { importSeeds } from "./import-seeds";
import { ZImportQuery } from "./import-schemas";
import { readLimitedText } from "./read-limited-text";

const CONTENT_TYPES = ["application/json", "application/x-ndjson", "application/jsonl"];
const MAX_BYTES = 5_000_000;

export const importSeedsRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/seeds/import",
    summary: "Import seed tasks in AlpaCare's format (JSON array or JSON Lines), all or nothing",
    tag: "Seeds",
    permission: "seeds:import",
    query: ZImportQuery,
    rawBody: {
      contentTypes: CONTENT_TYPES,
      description: "Records with topic, view, type, instruction, input (<noinput> when empty) and difficulty \"1\"–\"5\"",
    },
    response: { status: 201, description: "Imported (200 for a dry run); 422 lists unknown labels or per-record errors" },
  },
  async ({ req, user, query, ctx }) => {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!CONTENT_TYPES.includes(type)) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the file as ${CONTENT_TYPES.join(" or ")}`);
    }
    const result = await importSeeds(user, await readLimitedText(req, MAX_BYTES), query, ctx);
    return json(result, result.dryRun ? 200 : 201);
  },
);

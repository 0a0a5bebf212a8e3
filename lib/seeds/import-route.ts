import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { importSeeds } from "./import-seeds";
import { fileTooLargeMessage, MAX_IMPORT_BYTES } from "./import-limits";
import { ZImportQuery } from "./import-schemas";
import { readBodyText } from "@/lib/http/read-body";

const CONTENT_TYPES = ["application/json", "application/x-ndjson", "application/jsonl"];

export const importSeedsRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/seeds/import",
    summary: "Import seed tasks in AlpaCare's format (JSON array or JSON Lines), all or nothing; retries are safe with an Idempotency-Key",
    tag: "Seeds",
    permission: "seeds:import",
    query: ZImportQuery,
    bodyLimit: MAX_IMPORT_BYTES,
    rawBody: {
      contentTypes: CONTENT_TYPES,
      description:
        "Records with topic, view, type, instruction, input (<noinput> when empty) and difficulty \"1\"–\"5\"; at most 5 MB (413 beyond). " +
        "Send an Idempotency-Key header (1–200 of A–Z a–z 0–9 _.:-) so a retried import answers the first import's result " +
        "(with Idempotent-Replayed: true) instead of importing again; reusing a key for a different file or options is a 422. " +
        "Dry runs ignore the key.",
    },
    response: {
      status: 201,
      description:
        "Imported (200 for a dry run, which answers what the same import would do: approved, heldForReview and addedTerms included): " +
        "count, approved, heldForReview, mapped labels, near duplicates, PHI warnings; " +
        "422 lists unknown labels (noting labels of retired terms) or per-record errors such as exact duplicates",
    },
  },
  async ({ req, user, query, ctx }) => {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!CONTENT_TYPES.includes(type)) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the file as ${CONTENT_TYPES.join(" or ")}`);
    }
    const key = idempotencyKeyOf(req);
    const outcome = await importSeeds(user, await readBodyText(req, MAX_IMPORT_BYTES, { what: "The file", tooLarge: fileTooLargeMessage(MAX_IMPORT_BYTES) }), query, ctx, key);
    return json(outcome.body, outcome.status, outcome.replayed ? { "idempotent-replayed": "true" } : {});
  },
);

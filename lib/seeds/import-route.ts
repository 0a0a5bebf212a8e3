import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { importSeeds } from "./import-seeds";
import { fileTooLargeMessage, MAX_IMPORT_BYTES } from "./import-limits";
import { ZImportQuery } from "./import-schemas";

const CONTENT_TYPES = ["application/json", "application/x-ndjson", "application/jsonl"];

export const importSeedsRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/seeds/import",
    summary:
      "Import seed tasks in AlpaCare's format (JSON array or JSON Lines), all or nothing; retries are safe with an Idempotency-Key",
    tag: "Seeds",
    permission: "seeds:import",
    query: ZImportQuery,
    bodyLimit: MAX_IMPORT_BYTES,
    rawBody: {
      kind: "text",
      contentTypes: CONTENT_TYPES,
      words: { what: "The file", tooLarge: fileTooLargeMessage(MAX_IMPORT_BYTES) },
      // The service parses (it reports per-record errors); the wrapper checks the text is storable.
      parse: (text) => text,
      description:
        'Records with topic, view, type, instruction, input (<noinput> when empty) and difficulty "1"–"5"; at most 5 MB (413 beyond). ' +
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
  async ({ req, raw, user, query, ctx }) => {
    const outcome = await importSeeds(user, raw, query, ctx, idempotencyKeyOf(req));
    return json(outcome.body, outcome.status, outcome.replayed ? { "idempotent-replayed": "true" } : {});
  },
);

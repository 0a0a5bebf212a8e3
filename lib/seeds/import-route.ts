import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { idempotencyKeyOf } from "@/lib/http/idempotency";
import { importSeeds } from "./import-seeds";
import { ZImportQuery } from "./import-schemas";
import { readLimitedText } from "./read-limited-text";
import { BODY_LIMITS } from "@/lib/http/body-limits";

const CONTENT_TYPES = ["application/json", "application/x-ndjson", "application/jsonl"];
const MAX_BYTES = BODY_LIMITS.seedImport;

export const importSeedsRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/seeds/import",
    summary: "Import seed tasks in AlpaCare's format (JSON array or JSON Lines), all or nothing; retries are safe with an Idempotency-Key",
    tag: "Seeds",
    permission: "seeds:import",
    query: ZImportQuery,
    bodyLimit: MAX_BYTES,
    rawBody: {
      contentTypes: CONTENT_TYPES,
      description:
        "Records with topic, view, type, instruction, input (<noinput> when empty) and difficulty \"1\"–\"5\". " +
        "Send an Idempotency-Key header (1–200 of A–Z a–z 0–9 _.:-) so a retried import answers the first import's result " +
        "(with Idempotent-Replayed: true) instead of importing again; reusing a key for a different file or options is a 422. " +
        "Dry runs ignore the key.",
    },
    response: {
      status: 201,
      description:
        "Imported (200 for a dry run): count, approved, heldForReview, mapped labels, near duplicates, PHI warnings; " +
        "422 lists unknown labels (noting labels of retired terms) or per-record errors such as exact duplicates",
    },
  },
  async ({ req, user, query, ctx }) => {
    const type = (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!CONTENT_TYPES.includes(type)) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the file as ${CONTENT_TYPES.join(" or ")}`);
    }
    const key = idempotencyKeyOf(req);
    const outcome = await importSeeds(user, await readLimitedText(req, MAX_BYTES), query, ctx, key);
    return json(outcome.body, outcome.status, outcome.replayed ? { "idempotent-replayed": "true" } : {});
  },
);

import "server-only";
import { forbidden } from "@/lib/errors/app-error";
import { sendExport } from "@/lib/exports/send-export";
import { defineApiRoute } from "@/lib/http/api-route";
import { exportFilters, seedExportBody } from "./export-seeds";
import { ZExportQuery } from "./export-schemas";

export const exportSeedsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/seeds/export",
    summary:
      "Download seeds in AlpaCare's seed-file format (JSON Lines, or a JSON array shaped as med_seed.json), filtered by status (default approved), topicId, typeId, difficulty and the day written (from, to: YYYY-MM-DD). " +
      "The file is stored with its manifest (GET /api/v1/exports/:id, id in X-Export-Id); licence goes into the manifest, bundle=1 answers the zip of file, manifest.json and README.md",
    tag: "Seeds",
    permission: "seeds:export",
    query: ZExportQuery,
    response: {
      status: 200,
      contentType: "application/x-ndjson",
      description:
        "topic, view, type, instruction, input (<noinput> when empty), difficulty (string); JSON Lines add id and version",
    },
  },
  async ({ user, query, ctx }) => {
    // Researchers see approved seeds only (list-seeds.ts), and so export nothing else.
    if (user.role === "RESEARCHER" && query.status !== "approved")
      throw forbidden("Researchers export approved seeds only");
    const json = query.format === "json";
    const filters = exportFilters(query);
    return sendExport(
      user,
      {
        kind: json ? "seeds.json" : "seeds.jsonl",
        sourceType: "seeds",
        sourceId: null,
        filters: { status: query.status, format: query.format, ...filters },
        licence: query.licence ?? null,
        contentType: json ? "application/json; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        filename: `clinreview-seeds-${new Date().toISOString().slice(0, 10)}.${json ? "json" : "jsonl"}`,
        downloadAudit: ({ sha256, rows }) => ({
          actorId: user.id,
          action: "seed.export",
          entityType: "seed",
          after: { status: query.status, format: query.format, filters, count: rows, complete: true, sha256 },
        }),
      },
      seedExportBody(query),
      query.bundle,
      ctx,
    );
  },
);

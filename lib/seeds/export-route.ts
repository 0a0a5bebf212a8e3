import "server-only";
import { forbidden } from "@/lib/errors/app-error";
import { defineApiRoute } from "@/lib/http/api-route";
import { exportSeedsStream } from "./export-seeds";
import { ZExportQuery } from "./export-schemas";

export const exportSeedsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/seeds/export",
    summary:
      "Download seeds in AlpaCare's seed-file format (JSON Lines, or a JSON array shaped as med_seed.json), filtered by status (default approved), topicId, typeId, difficulty and the day written (from, to: YYYY-MM-DD)",
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
    const ext = query.format === "json" ? "json" : "jsonl";
    return new Response(await exportSeedsStream(user, query, ctx), {
      headers: {
        "content-type":
          query.format === "json" ? "application/json; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="clinreview-seeds-${new Date().toISOString().slice(0, 10)}.${ext}"`,
        "cache-control": "no-store",
      },
    });
  },
);

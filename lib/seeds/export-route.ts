import "server-only";
import { defineApiRoute } from "@/lib/http/api-route";
import { exportSeedsStream } from "./export-seeds";
import { ZExportQuery } from "./export-schemas";

export const exportSeedsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/seeds/export",
    summary: "Download approved seeds in AlpaCare's seed-file format (JSON Lines or a JSON array)",
    tag: "Seeds",
    permission: "seeds:export",
    query: ZExportQuery,
    response: {
      status: 200,
      contentType: "application/x-ndjson",
      description:
        "topic, view, type, instruction, input (<noinput> when empty), difficulty (string), id, version",
    },
  },
  ({ user, query, ctx }) => {
    const ext = query.format === "json" ? "json" : "jsonl";
    return Promise.resolve(
      new Response(exportSeedsStream(user, query, ctx), {
        headers: {
          "content-type":
            query.format === "json"
              ? "application/json; charset=utf-8"
              : "application/x-ndjson; charset=utf-8",
          "content-disposition": `attachment; filename="clinreview-seeds-${new Date().toISOString().slice(0, 10)}.${ext}"`,
          "cache-control": "no-store",
        },
      }),
    );
  },
);

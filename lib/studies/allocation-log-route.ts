import "server-only";
import { defineApiRoute } from "@/lib/http/api-route";
import { ZBundleQuery } from "@/lib/exports/schemas";
import { allocationLogCsv } from "@/lib/studies/allocation-log";
import { storedStudyDownload } from "@/lib/studies/results-routes";
import { ZStudyId } from "@/lib/studies/schemas";

export const allocationLogRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/studies/:id/allocation-log.csv",
    summary:
      "Adaptive allocation: why each assignment was handed out (rule, model pair, its judgements so far, target, deficit); empty for a uniform study",
    tag: "Studies",
    permission: "studies:results",
    params: ZStudyId,
    query: ZBundleQuery,
    response: {
      status: 200,
      contentType: "text/csv",
      description: "RFC 4180 CSV (stored with a manifest: X-Export-Id; bundle=1 for the zip)",
    },
  },
  async ({ user, params, query, ctx }) => {
    const csv = await allocationLogCsv(params.id);
    return storedStudyDownload(
      user,
      ctx,
      params.id,
      {
        what: "allocation-log.csv",
        kind: "study.allocation_log_csv",
        text: csv.text,
        rows: csv.rows,
        type: "text/csv; charset=utf-8",
        filename: `study-${params.id}-allocation-log.csv`,
      },
      { bundle: query.bundle },
    );
  },
);

import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { defineApiRoute, json } from "@/lib/http/api-route";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { alpacaAnnotations, dpoPairs, judgementsCsvWithRows } from "@/lib/studies/exports";
import { textBody } from "@/lib/exports/export-body";
import type { TExportKind } from "@/lib/exports/manifest";
import { ZLicenceQuery } from "@/lib/exports/licences";
import { ZBundleQuery } from "@/lib/exports/schemas";
import { sendExport } from "@/lib/exports/send-export";
import { studyStats, ZStatsQuery } from "@/lib/studies/study-stats";
import { ZStudyId } from "@/lib/studies/schemas";

/** What every study download may carry: the zip bundle, and the licence the exporter states (as seed export: lib/seeds/export-schemas.ts). */
const ZStudyDownloadQuery = ZBundleQuery.extend({ licence: ZLicenceQuery });
const ZCriterionQuery = ZStudyDownloadQuery.extend({ criterion: z.string().min(1).max(40) });

/** Every download is recorded, awaited, before its answer is returned: a download that fails to record is not served. */
async function auditExport(
  user: TCurrentUser,
  ctx: TRequestContext,
  studyId: string,
  what: string,
  filter?: Record<string, string>,
) {
  await db().$transaction((tx) =>
    recordAudit(tx, ctx, {
      actorId: user.id,
      action: "study.export",
      entityType: "study",
      entityId: studyId,
      after: filter ? { what, filter } : { what },
    }),
  );
}

/** The filter as the caller sent it, for the audit row (only set fields, as text). */
const filterOf = (query: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(query)
      .filter(([, v]) => v !== undefined && v !== null && v !== false)
      .map(([k, v]) => [k, String(v)]),
  );

/**
 * A study download, stored with its manifest (lib/exports) and sent from the store; the audit row
 * it always wrote ({what}) is written with the manifest's.
 */
export async function storedStudyDownload(
  user: TCurrentUser,
  ctx: TRequestContext,
  studyId: string,
  file: { what: string; kind: TExportKind; text: string; rows: number; type: string; filename: string },
  opts: { criterion?: string; bundle: boolean; licence?: string },
) {
  return sendExport(
    user,
    {
      kind: file.kind,
      sourceType: "study",
      sourceId: studyId,
      filters: opts.criterion ? { criterion: opts.criterion } : {},
      licence: opts.licence ?? null,
      contentType: file.type,
      filename: file.filename,
      ...(opts.criterion ? { criterion: opts.criterion } : {}),
      requestAudit: {
        actorId: user.id,
        action: "study.export",
        entityType: "study",
        entityId: studyId,
        after: { what: file.what },
      },
    },
    textBody(file.text, file.rows),
    opts.bundle,
    ctx,
  );
}

export const studyStatsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/studies/:id/stats",
    summary:
      "Win rates, Bradley–Terry ratings with bootstrap intervals, agreement, position bias and whether the ranking is settled (width: target interval width in Elo points, default 50)",
    tag: "Studies",
    permission: "studies:results",
    params: ZStudyId,
    query: ZStatsQuery,
    response: {
      status: 200,
      description:
        "{criteria, pairs, ratings, agreement, positionBias, heldBack: {count, comparisons: [{promptId, prompt, context, modelA, modelB, revealing}]}, progress: [{criterion, judgements, targetWidth, rankingSettled, pairs: [{higher, lower, difference, ci, settled, adjacent, width, moreNeeded}], widestInterval: {model, width, moreNeeded}}]} (heldBack: comparisons never handed out because an output names its model; progress: per criterion, from the same prompt bootstrap as the ratings, whether each order is settled at 95% and the judgements still needed for its interval to narrow to `width` Elo, assuming width falls as 1/√n at the current rate)",
    },
  },
  async ({ user, params, query, ctx }) => {
    const { width, ...filter } = query;
    const stats = await studyStats(params.id, filter, width);
    // The width shapes only the estimate, not which judgements were read: the audit keeps the filter.
    await auditExport(user, ctx, params.id, "stats", filterOf(filter));
    return json(stats);
  },
);

export const judgementsCsvRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/studies/:id/judgements.csv",
    summary: "Every judgement, one row per criterion (rater pseudonyms only)",
    tag: "Studies",
    permission: "studies:results",
    params: ZStudyId,
    query: ZStudyDownloadQuery,
    response: {
      status: 200,
      contentType: "text/csv",
      description: "RFC 4180 CSV (stored with a manifest: X-Export-Id; bundle=1 for the zip)",
    },
  },
  async ({ user, params, query, ctx }) => {
    const csv = await judgementsCsvWithRows(params.id);
    return storedStudyDownload(
      user,
      ctx,
      params.id,
      {
        what: "judgements.csv",
        kind: "study.judgements_csv",
        text: csv.text,
        rows: csv.rows,
        type: "text/csv; charset=utf-8",
        filename: `study-${params.id}-judgements.csv`,
      },
      { bundle: query.bundle, licence: query.licence },
    );
  },
);

export const annotationsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/studies/:id/annotations.json",
    summary:
      "AlpacaEval-format annotations for one criterion (output_1 = model B; 1 = B preferred, 2 = A, 1.5 = tie/both bad)",
    tag: "Studies",
    permission: "studies:results",
    params: ZStudyId,
    query: ZCriterionQuery,
    response: { status: 200, description: "JSON array" },
  },
  async ({ user, params, query, ctx }) => {
    const rows = await alpacaAnnotations(params.id, query.criterion);
    return storedStudyDownload(
      user,
      ctx,
      params.id,
      {
        what: `annotations:${query.criterion}`,
        kind: "study.annotations",
        text: JSON.stringify(rows, null, 1),
        rows: rows.length,
        type: "application/json",
        filename: `study-${params.id}-${query.criterion}-annotations.json`,
      },
      { criterion: query.criterion, bundle: query.bundle, licence: query.licence },
    );
  },
);

export const dpoRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/studies/:id/dpo.jsonl",
    summary: "DPO pairs {prompt, chosen, rejected} from comparisons with a decisive majority",
    tag: "Studies",
    permission: "studies:results",
    params: ZStudyId,
    query: ZCriterionQuery,
    response: { status: 200, contentType: "application/x-ndjson", description: "One JSON object per line" },
  },
  async ({ user, params, query, ctx }) => {
    const rows = await dpoPairs(params.id, query.criterion);
    return storedStudyDownload(
      user,
      ctx,
      params.id,
      {
        what: `dpo:${query.criterion}`,
        kind: "study.dpo",
        text: rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : ""),
        rows: rows.length,
        type: "application/x-ndjson",
        filename: `study-${params.id}-${query.criterion}-dpo.jsonl`,
      },
      { criterion: query.criterion, bundle: query.bundle, licence: query.licence },
    );
  },
);

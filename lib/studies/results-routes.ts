import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { defineApiRoute, json } from "@/lib/http/api-route";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { alpacaAnnotations, dpoPairs, judgementsCsv } from "@/lib/studies/exports";
import { studyStats, ZStatsFilter } from "@/lib/studies/study-stats";
import { ZStudyId } from "@/lib/studies/schemas";

const ZCriterionQuery = z.object({ criterion: z.string().min(1).max(40) });

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

const download = (body: string, type: string, filename: string) =>
  new Response(body, {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });

export const studyStatsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/studies/:id/stats",
    summary: "Win rates, Bradley–Terry ratings with bootstrap intervals, agreement and position bias",
    tag: "Studies",
    permission: "studies:results",
    params: ZStudyId,
    query: ZStatsFilter,
    response: {
      status: 200,
      description:
        "{criteria, pairs, ratings, agreement, positionBias, heldBack: {count, comparisons: [{promptId, prompt, modelA, modelB, revealing}]}} (heldBack: comparisons never handed out because an output names its model)",
    },
  },
  async ({ user, params, query, ctx }) => {
    const stats = await studyStats(params.id, query);
    await auditExport(user, ctx, params.id, "stats", filterOf(query));
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
    response: { status: 200, contentType: "text/csv", description: "RFC 4180 CSV" },
  },
  async ({ user, params, ctx }) => {
    const csv = await judgementsCsv(params.id);
    await auditExport(user, ctx, params.id, "judgements.csv");
    return download(csv, "text/csv; charset=utf-8", `study-${params.id}-judgements.csv`);
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
    await auditExport(user, ctx, params.id, `annotations:${query.criterion}`);
    return download(
      JSON.stringify(rows, null, 1),
      "application/json",
      `study-${params.id}-${query.criterion}-annotations.json`,
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
    await auditExport(user, ctx, params.id, `dpo:${query.criterion}`);
    return download(
      rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : ""),
      "application/x-ndjson",
      `study-${params.id}-${query.criterion}-dpo.jsonl`,
    );
  },
);

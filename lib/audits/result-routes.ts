import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { adjudicateItem } from "./adjudicate";
import { curatedExportStream, reviewsCsv } from "./campaign-downloads";
import { listDisagreements } from "./list-disagreements";
import { loadCampaignReport } from "./load-report";
import { ZAdjudicate, ZCampaignParams, ZItemParams } from "./schemas";
import { attachment } from "@/lib/http/attachment";

const download = async (
  userId: string,
  campaignId: string,
  what: "report_json" | "reviews_csv" | "export",
  ctx: Parameters<typeof recordAudit>[1],
) =>
  db().$transaction((tx) =>
    recordAudit(tx, ctx, {
      actorId: userId,
      action: `audit.${what}`,
      entityType: "audit_campaign",
      entityId: campaignId,
    }),
  );

export const reportRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/audits/:id/report",
    summary:
      "Acceptance and flag rates with 95% intervals, estimated bad records, agreement, per-reviewer figures",
    tag: "Audits",
    permission: "audits:results",
    params: ZCampaignParams,
    response: {
      status: 200,
      description: "The report, as a download (report-<id>.json) like the CSV and the export",
    },
  },
  async ({ user, params, ctx }) => {
    const report = await loadCampaignReport(params.id);
    await download(user.id, params.id, "report_json", ctx);
    return attachment(
      JSON.stringify(report),
      "application/json; charset=utf-8",
      `audit-${params.id}-report.json`,
    );
  },
);

export const reviewsCsvRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/audits/:id/reviews.csv",
    summary: "Every review as CSV, reviewers by pseudonym",
    tag: "Audits",
    permission: "audits:results",
    params: ZCampaignParams,
    response: {
      status: 200,
      contentType: "text/csv",
      description: "item, record, gold, reviewer, verdict, flags, correction, rationale, duration_ms, time",
    },
  },
  async ({ user, params, ctx }) => {
    const csv = await reviewsCsv(params.id);
    await download(user.id, params.id, "reviews_csv", ctx);
    return attachment(csv, "text/csv; charset=utf-8", `audit-${params.id}-reviews.csv`);
  },
);

export const exportRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/audits/:id/export",
    summary: "Curated JSONL: accepted and revised items with corrections applied, in record order",
    tag: "Audits",
    permission: "audits:results",
    params: ZCampaignParams,
    response: {
      status: 200,
      contentType: "application/x-ndjson",
      description: "{instruction, input, output, original_output?, audit}",
    },
  },
  async ({ user, params, ctx }) => {
    const stream = await curatedExportStream(params.id);
    await download(user.id, params.id, "export", ctx);
    return attachment(stream, "application/x-ndjson; charset=utf-8", `audit-${params.id}.jsonl`);
  },
);

export const disagreementsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/audits/:id/disagreements",
    summary: "Items whose reviewers disagree, for adjudication",
    tag: "Audits",
    permission: "audits:manage",
    params: ZCampaignParams,
    response: { status: 200, description: "{ items: [...] }" },
  },
  async ({ params }) => json({ items: await listDisagreements(params.id) }),
);

export const adjudicateRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/audits/:id/items/:itemId/adjudicate",
    summary: "Record an item's final verdict (and correction)",
    tag: "Audits",
    permission: "audits:manage",
    params: ZItemParams,
    body: ZAdjudicate,
    response: { status: 204, description: "Recorded" },
  },
  async ({ user, params, body, ctx }) => {
    await adjudicateItem(user, params.id, params.itemId, body, ctx);
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  },
);

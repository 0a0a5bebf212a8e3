import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { adjudicateItem } from "./adjudicate";
import { curatedExportStream, reviewsCsvWithRows } from "./campaign-downloads";
import type { ReportTally } from "./report-tally";
import { listDisagreements } from "./list-disagreements";
import { loadCampaignReport } from "./load-report";
import { ZAdjudicate, ZCampaignParams, ZItemParams } from "./schemas";
import { attachment } from "@/lib/http/attachment";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { jsonLinesBody, textBody, type TExportBody } from "@/lib/exports/export-body";
import type { TExportKind } from "@/lib/exports/manifest";
import { ZBundleQuery } from "@/lib/exports/schemas";
import { campaignLicence } from "@/lib/exports/source-licence";
import { sendExport } from "@/lib/exports/send-export";

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

/** Stores the download (lib/exports) with the audit row it always wrote, then sends it from the store. */
async function storedCampaignDownload(
  user: TCurrentUser,
  campaignId: string,
  what: "reviews_csv" | "export",
  build: {
    kind: TExportKind;
    contentType: string;
    filename: string;
    body: TExportBody;
    /** The body's own tally of every item, for the manifest's summary (else read apart). */
    tally?: Promise<ReportTally>;
  },
  bundle: boolean,
  ctx: TRequestContext,
) {
  return sendExport(
    user,
    {
      kind: build.kind,
      sourceType: "audit_campaign",
      sourceId: campaignId,
      filters: {},
      licence: await campaignLicence(campaignId),
      contentType: build.contentType,
      filename: build.filename,
      campaignTally: build.tally,
      requestAudit: {
        actorId: user.id,
        action: `audit.${what}`,
        entityType: "audit_campaign",
        entityId: campaignId,
      },
    },
    build.body,
    bundle,
    ctx,
  );
}

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
    query: ZBundleQuery,
    response: {
      status: 200,
      contentType: "text/csv",
      description:
        "item, record, gold, reviewer, verdict, flags, correction, rationale, duration_ms, time (stored with a manifest: X-Export-Id; bundle=1 for the zip)",
    },
  },
  async ({ user, params, query, ctx }) => {
    const csv = await reviewsCsvWithRows(params.id);
    return storedCampaignDownload(
      user,
      params.id,
      "reviews_csv",
      {
        kind: "audit.reviews_csv",
        contentType: "text/csv; charset=utf-8",
        filename: `audit-${params.id}-reviews.csv`,
        body: textBody(csv.text, csv.rows),
      },
      query.bundle,
      ctx,
    );
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
    query: ZBundleQuery,
    response: {
      status: 200,
      contentType: "application/x-ndjson",
      description:
        "{instruction, input, output, original_output?, audit} (stored with a manifest: X-Export-Id; bundle=1 for the zip)",
    },
  },
  async ({ user, params, query, ctx }) => {
    const curated = await curatedExportStream(params.id);
    return storedCampaignDownload(
      user,
      params.id,
      "export",
      {
        kind: "audit.curated",
        contentType: "application/x-ndjson; charset=utf-8",
        filename: `audit-${params.id}.jsonl`,
        body: jsonLinesBody(curated.stream),
        tally: curated.tally,
      },
      query.bundle,
      ctx,
    );
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

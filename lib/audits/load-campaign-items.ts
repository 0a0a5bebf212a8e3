import "server-only";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { flagsOf } from "./flags";
import type { TReportInput, TReportItem } from "./report";

/** A campaign with its items and reviews, shaped for the report, CSV and export. */
export async function loadCampaignItems(campaignId: string) {
  const campaign = await db().auditCampaign.findUnique({ where: { id: campaignId }, include: { dataset: { select: { id: true, name: true, count: true } } } });
  if (!campaign) throw notFound("Campaign");
  const items = await db().auditItem.findMany({
    where: { campaignId },
    include: { reviews: { orderBy: { createdAt: "asc" } }, record: true },
    orderBy: { record: { ordinal: "asc" } },
  });
  const reviewerIds = [...new Set(items.flatMap((it) => it.reviews.map((r) => r.reviewerId)))];
  const users = await db().user.findMany({ where: { id: { in: reviewerIds } }, select: { id: true, pseudonym: true } });
  const pseudonyms = new Map(users.map((u) => [u.id, u.pseudonym]));

  let strata: Map<string, number> | null = null;
  const goldCount = items.filter((it) => it.isGold).length;
  if (campaign.strataField) {
    const sampled = new Set(items.filter((it) => !it.isGold).map((it) => it.stratum ?? ""));
    const rows = await db().$queryRaw<{ stratum: string | null; n: number }[]>`
      SELECT metadata ->> ${campaign.strataField} AS stratum, count(*)::int AS n
        FROM "DatasetRecord" WHERE "datasetId" = ${campaign.datasetId}::uuid GROUP BY 1`;
    strata = new Map(rows.map((r) => [r.stratum ?? "(none)", r.n] as const).filter(([name]) => sampled.has(name)));
  }
  const reportItems: TReportItem[] = items.map((it) => ({
    id: it.id,
    stratum: it.stratum,
    isGold: it.isGold,
    goldVerdict: it.goldVerdict,
    reviews: it.reviews.map((r) => ({ reviewerId: r.reviewerId, verdict: r.verdict, flags: r.flags, correctedOutput: r.correctedOutput, durationMs: r.durationMs })),
    adjudication: it.finalVerdict ? { verdict: it.finalVerdict, flags: it.finalFlags, output: it.finalOutput } : null,
  }));
  const input: TReportInput = {
    reviewersPerItem: campaign.reviewersPerItem,
    flags: flagsOf(campaign.flags),
    population: Math.max(0, campaign.dataset.count - goldCount),
    strata,
    items: reportItems,
    pseudonyms,
  };
  return { campaign, items, input, pseudonyms };
}

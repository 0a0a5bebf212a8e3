import "server-only";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { flagsOf } from "./flags";
import type { TReportInput, TReportItem } from "./report";

type TReviewRow = {
  reviewerId: string;
  verdict: string;
  flags: string[];
  correctedOutput: string | null;
  rationale: string | null;
  durationMs: number;
  createdAt: Date;
  guidelineVersion: number | null;
};
export type TCampaignItem = {
  id: string;
  recordId: bigint;
  ordinal: number;
  stratum: string | null;
  isGold: boolean;
  goldVerdict: string | null;
  finalVerdict: string | null;
  finalFlags: string[];
  finalOutput: string | null;
  reviews: TReviewRow[];
};

/**
 * Every item of a campaign with its reviews, in record order, without the record texts (the
 * report needs none, and a whole-dataset campaign is 52k of them). One statement: a findMany with
 * included reviews binds one parameter per item and fails past PostgreSQL's 32,767.
 */
async function loadItemsWithReviews(campaignId: string): Promise<TCampaignItem[]> {
  const rows = await db().$queryRaw<
    (Omit<TCampaignItem, "reviews"> & {
      reviews: (Omit<TReviewRow, "createdAt"> & { createdAt: string })[];
    })[]
  >`
    SELECT ai.id, ai."recordId", ai.ordinal, ai.stratum, ai."isGold", ai."goldVerdict", ai."finalVerdict", ai."finalFlags", ai."finalOutput",
           COALESCE((SELECT json_agg(json_build_object('reviewerId', v."reviewerId", 'verdict', v.verdict, 'flags', v.flags,
                                                       'correctedOutput', v."correctedOutput", 'rationale', v.rationale,
                                                       'durationMs', v."durationMs", 'createdAt', v."createdAt",
                                                       'guidelineVersion', v."guidelineVersion") ORDER BY v."createdAt", v.id)
                       FROM "AuditReview" v WHERE v."itemId" = ai.id AND v."supersededAt" IS NULL), '[]'::json) AS reviews
      FROM "AuditItem" ai
     WHERE ai."campaignId" = ${campaignId}::uuid
     ORDER BY ai.ordinal`;
  // json_build_object writes timestamp(3) without a zone; the column holds UTC.
  return rows.map((r) => ({
    ...r,
    reviews: r.reviews.map((v) => ({ ...v, createdAt: new Date(`${v.createdAt}Z`) })),
  }));
}

/** A campaign with its items and reviews, shaped for the report, CSV and export. */
export async function loadCampaignItems(campaignId: string) {
  const campaign = await db().auditCampaign.findUnique({
    where: { id: campaignId },
    include: { dataset: { select: { id: true, name: true, count: true } } },
  });
  if (!campaign) throw notFound("Campaign");
  const items = await loadItemsWithReviews(campaignId);
  const reviewerIds = [...new Set(items.flatMap((it) => it.reviews.map((r) => r.reviewerId)))];
  const users = await db().user.findMany({
    where: { id: { in: reviewerIds } },
    select: { id: true, pseudonym: true },
  });
  const pseudonyms = new Map(users.map((u) => [u.id, u.pseudonym]));

  let strata: Map<string, number> | null = null;
  const goldCount = items.filter((it) => it.isGold).length;
  if (campaign.strataField) {
    const sampled = new Set(items.filter((it) => !it.isGold).map((it) => it.stratum ?? ""));
    const rows = await db().$queryRaw<{ stratum: string | null; n: number }[]>`
      SELECT metadata ->> ${campaign.strataField} AS stratum, count(*)::int AS n
        FROM "DatasetRecord" WHERE "datasetId" = ${campaign.datasetId}::uuid GROUP BY 1`;
    strata = new Map(
      rows.map((r) => [r.stratum ?? "(none)", r.n] as const).filter(([name]) => sampled.has(name)),
    );
  }
  const reportItems: TReportItem[] = items.map((it) => ({
    id: it.id,
    stratum: it.stratum,
    isGold: it.isGold,
    goldVerdict: it.goldVerdict,
    reviews: it.reviews.map((r) => ({
      reviewerId: r.reviewerId,
      verdict: r.verdict,
      flags: r.flags,
      correctedOutput: r.correctedOutput,
      durationMs: r.durationMs,
    })),
    adjudication: it.finalVerdict
      ? { verdict: it.finalVerdict, flags: it.finalFlags, output: it.finalOutput }
      : null,
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

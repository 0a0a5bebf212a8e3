import "server-only";
import { pgPool } from "@/lib/db/prisma";
import { finalVerdict, type TItemReview } from "@/lib/audits/final-verdict";
import { ReportTally } from "@/lib/audits/report-tally";

type TItemRow = {
  id: string;
  stratum: string | null;
  isGold: boolean;
  finalVerdict: string | null;
  finalFlags: string[];
};
type TReviewRow = {
  itemId: string;
  reviewerId: string;
  verdict: string;
  flags: string[];
  correction: string | null;
};

export type TCampaignSummaryFacts = {
  reviewersPerItem: number;
  /** The dataset's record count (the population before gold items are taken out). */
  datasetCount: number;
  strataField: string | null;
  datasetId: string;
};

/** The dataset's record count per stratum value, when the campaign is stratified. */
async function strataCounts(facts: TCampaignSummaryFacts) {
  if (!facts.strataField) return null;
  const r = await pgPool().query<{ stratum: string | null; n: number }>(
    `SELECT metadata ->> $2 AS stratum, count(*)::int AS n FROM "DatasetRecord" WHERE "datasetId" = $1::uuid GROUP BY 1`,
    [facts.datasetId, facts.strataField],
  );
  return r.rows;
}

/**
 * A campaign's summary figures from a tally of all its items (ReportTally, in record order). The
 * stratum sizes are read while the tally is still being gathered: the export's manifest waits on
 * this after its last byte, so nothing read here should start only then.
 */
export async function summaryOfTally(tally: Promise<ReportTally>, facts: TCampaignSummaryFacts) {
  const [tallied, strata] = await Promise.all([tally, strataCounts(facts)]);
  // As load-campaign-items.ts: strata known only for the values the sample holds.
  return tallied.figures({
    population: Math.max(0, facts.datasetCount - tallied.goldItems),
    strata: strata
      ? new Map(
          strata
            .map((r) => [r.stratum ?? "(none)", r.n] as const)
            .filter(([name]) => tallied.sampledStrata.has(name)),
        )
      : null,
  });
}

/**
 * The campaign's items tallied from two flat statements of short columns: no record or correction
 * texts (a correction is compared for equality only, so its md5 stands in), no JSON built per item.
 */
async function tallyCampaign(campaignId: string, reviewersPerItem: number): Promise<ReportTally> {
  const pool = pgPool();
  const [items, reviews] = await Promise.all([
    pool.query<TItemRow>(
      `SELECT id, stratum, "isGold", "finalVerdict"::text AS "finalVerdict", "finalFlags"
         FROM "AuditItem" WHERE "campaignId" = $1::uuid ORDER BY ordinal`,
      [campaignId],
    ),
    pool.query<TReviewRow>(
      `SELECT v."itemId", v."reviewerId", v.verdict::text AS verdict, v.flags, md5(v."correctedOutput") AS correction
         FROM "AuditReview" v JOIN "AuditItem" ai ON ai.id = v."itemId"
        WHERE ai."campaignId" = $1::uuid AND v."supersededAt" IS NULL
        ORDER BY v."createdAt", v.id`,
      [campaignId],
    ),
  ]);
  const byItem = new Map<string, TItemReview[]>();
  for (const r of reviews.rows) {
    const list = byItem.get(r.itemId) ?? [];
    list.push({
      reviewerId: r.reviewerId,
      verdict: r.verdict,
      flags: r.flags,
      correctedOutput: r.correction,
    });
    byItem.set(r.itemId, list);
  }
  const tally = new ReportTally();
  for (const it of items.rows) {
    const itemReviews = byItem.get(it.id) ?? [];
    const final = finalVerdict({
      reviewsNeeded: reviewersPerItem,
      reviews: itemReviews,
      adjudication: it.finalVerdict ? { verdict: it.finalVerdict, flags: it.finalFlags, output: null } : null,
    });
    tally.add({ stratum: it.stratum, isGold: it.isGold, reviews: itemReviews }, final);
  }
  return tally;
}

/**
 * The manifest's summary figures (acceptance with its interval, verdict agreement, progress,
 * verdicts): the campaign report's own headline figures (ReportTally, which buildReport takes them
 * from), for the downloads that do not read every item themselves; the curated export tallies its
 * own pass instead (campaign-downloads.ts).
 */
export async function campaignSummary(campaignId: string, facts: TCampaignSummaryFacts) {
  return summaryOfTally(tallyCampaign(campaignId, facts.reviewersPerItem), facts);
}

import "server-only";
import type { ReportTally } from "@/lib/audits/report-tally";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { studyCriteria } from "@/lib/studies/study-criteria";
import { studyStats } from "@/lib/studies/study-stats";
import { campaignSummary, summaryOfTally } from "./campaign-summary";
import type { TExportSourceType, TJson, TManifestSource } from "./manifest";

/** Plain JSON (dates as text, undefined dropped), as the manifest stores it. */
const toJson = (v: unknown): TJson => JSON.parse(JSON.stringify(v ?? null)) as TJson;

/** Bootstrap rounds for a study's summary intervals: the fewest the stats route accepts, as this is a summary. */
const SUMMARY_BOOTSTRAP_ROUNDS = 50;

async function describeCampaign(id: string, tally?: Promise<ReportTally>): Promise<TManifestSource> {
  const c = await db().auditCampaign.findUnique({
    where: { id },
    select: {
      name: true,
      sampleSize: true,
      sampleFraction: true,
      strataField: true,
      seed: true,
      reviewersPerItem: true,
      flags: true,
      dataset: { select: { id: true, name: true, sha256: true, count: true } },
      _count: { select: { reviewers: true, items: { where: { isGold: true } } } },
    },
  });
  if (!c) throw notFound("Campaign");
  const facts = {
    reviewersPerItem: c.reviewersPerItem,
    datasetCount: c.dataset.count,
    strataField: c.strataField,
    datasetId: c.dataset.id,
  };
  const summary = await (tally ? summaryOfTally(tally, facts) : campaignSummary(id, facts));
  const flagKeys = Array.isArray(c.flags)
    ? c.flags
        .map((f) => (f && typeof f === "object" && "key" in f && typeof f.key === "string" ? f.key : ""))
        .filter(Boolean)
    : [];
  return {
    type: "audit_campaign",
    id,
    name: c.name,
    dataset: { id: c.dataset.id, name: c.dataset.name, sha256: c.dataset.sha256 ?? "unknown" },
    configuration: {
      sampleSize: c.sampleSize,
      sampleFraction: c.sampleFraction,
      seed: c.seed,
      strata: c.strataField,
      reviewersPerItem: c.reviewersPerItem,
      goldItems: c._count.items,
      flags: flagKeys,
      namedReviewers: c._count.reviewers,
    },
    summary: {
      acceptance: toJson(summary.acceptance),
      verdictAgreement: toJson(summary.verdictAgreement),
      progress: toJson(summary.progress),
      verdicts: toJson(summary.verdicts),
    },
  };
}

async function describeStudy(id: string, criterion: string | undefined): Promise<TManifestSource> {
  const s = await db().study.findUnique({
    where: { id },
    select: {
      name: true,
      criteria: true,
      design: true,
      referenceModel: true,
      ratingsPerComparison: true,
      allowTie: true,
      allowBothBad: true,
      attentionCheckShare: true,
      repeatShare: true,
      seed: true,
      includeIdentityRevealing: true,
      allocation: true,
      allocationGoal: true,
      _count: { select: { prompts: true, comparisons: true, raters: true } },
    },
  });
  if (!s) throw notFound("Study");
  const stats = await studyStats(id, {
    criterion,
    raters: undefined,
    excludeFailedAttention: false,
    excludeRevealing: false,
    bootstrapRounds: SUMMARY_BOOTSTRAP_ROUNDS,
  });
  return {
    type: "study",
    id,
    name: s.name,
    dataset: null,
    configuration: {
      design: s.design,
      referenceModel: s.referenceModel,
      criteria: studyCriteria(s.criteria).map((c) => c.key),
      ratingsPerComparison: s.ratingsPerComparison,
      allowTie: s.allowTie,
      allowBothBad: s.allowBothBad,
      attentionCheckShare: s.attentionCheckShare,
      repeatShare: s.repeatShare,
      seed: s.seed,
      // Comparisons are planned up front (lib/studies/plan-comparisons.ts); an adaptive study hands
      // them out by its goal (lib/studies/claim-adaptive.ts).
      allocation: s.allocation,
      allocationGoal: s.allocationGoal,
      prompts: s._count.prompts,
      comparisons: s._count.comparisons,
      namedRaters: s._count.raters,
      includeIdentityRevealing: s.includeIdentityRevealing,
    },
    summary: {
      winRates: toJson(
        stats.pairs.map((p) => ({
          criterion: p.criterion,
          modelA: p.modelA,
          modelB: p.modelB,
          winRateA: p.winRateA,
          wilson95: p.wilson,
          n: p.n,
        })),
      ),
      agreement: toJson(stats.agreement),
      heldBack: stats.heldBack.count,
    },
  };
}

/** The source's name, dataset, configuration and summary figures, for the manifest. */
export async function describeSource(
  type: TExportSourceType,
  id: string | null,
  opts: { criterion?: string; campaignTally?: Promise<ReportTally> } = {},
): Promise<TManifestSource> {
  if (type === "audit_campaign" && id) return describeCampaign(id, opts.campaignTally);
  if (type === "study" && id) return describeStudy(id, opts.criterion);
  return {
    type: "seeds",
    id: null,
    name: null,
    dataset: null,
    configuration: { review: "author, then at least one clinician peer reviewer; approval freezes the seed" },
    summary: {},
  };
}

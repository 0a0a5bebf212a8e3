import type { TFinal } from "./final-verdict";
import { agreement, estimate, type TEstimateInput } from "./report-estimates";

/** What the tally needs of an item: whether it is gold, its stratum, and who said what. */
export type TTallyItem = {
  stratum: string | null;
  isGold: boolean;
  reviews: readonly { reviewerId: string; verdict: string }[];
};

const VERDICTS = ["accept", "reject", "revise"] as const;

/**
 * The report's headline figures (progress, verdicts, acceptance, verdict agreement) gathered item by
 * item, in record order, keeping only what they need: a verdict and stratum per final item, and the
 * verdicts of items two or more reviewers answered. buildReport takes these figures from it, and the
 * curated export tallies the items it already reads, so a stored export's manifest summary is the
 * report's without a second read of the campaign.
 */
export class ReportTally {
  private sample = 0;
  private gold = 0;
  private reviews = 0;
  private readonly states = { final: 0, disputed: 0, pending: 0 };
  private readonly finals: { stratum: string | null; verdict: string }[] = [];
  private readonly reviewerIds = new Set<string>();
  /** Per item answered by two or more reviewers: each reviewer's (first) verdict. */
  private readonly overlapping: Map<string, string>[] = [];
  /** The strata the sample holds ("" for none), which a stratified estimate is weighted over. */
  readonly sampledStrata = new Set<string>();

  /** Gold items counted so far (taken out of the population the sample estimates). */
  get goldItems(): number {
    return this.gold;
  }

  /** An item and its final verdict (finalVerdict's), in record order. */
  add(item: TTallyItem, final: TFinal): void {
    this.reviews += item.reviews.length;
    const byReviewer = new Map<string, string>();
    for (const r of item.reviews) {
      this.reviewerIds.add(r.reviewerId);
      if (!byReviewer.has(r.reviewerId)) byReviewer.set(r.reviewerId, r.verdict);
    }
    if (byReviewer.size >= 2) this.overlapping.push(byReviewer);
    if (item.isGold) {
      this.gold += 1;
      return;
    }
    this.sample += 1;
    this.sampledStrata.add(item.stratum ?? "");
    this.states[final.state] += 1;
    if (final.state === "final") this.finals.push({ stratum: item.stratum, verdict: final.verdict });
  }

  /** The figures, estimated over the campaign's population (and strata when stratified). */
  figures(input: TEstimateInput) {
    const reviewers = [...this.reviewerIds].sort();
    return {
      progress: {
        items: this.sample,
        goldItems: this.gold,
        reviews: this.reviews,
        ...this.states,
      },
      verdicts: Object.fromEntries(
        VERDICTS.map((v) => [v, this.finals.filter((f) => f.verdict === v).length]),
      ) as Record<(typeof VERDICTS)[number], number>,
      acceptance: estimate(
        this.finals.map((f) => ({ stratum: f.stratum, success: f.verdict === "accept" })),
        input,
      ),
      verdictAgreement: agreement(this.overlapping.map((m) => reviewers.map((id) => m.get(id) ?? null))),
    };
  }
}

import { estimateTotal } from "@/lib/sampling";
import { finalVerdict, type TFinal, type TItemReview } from "./final-verdict";
import type { TFlag } from "./flags";
import { agreement, estimate } from "./report-estimates";
import { ReportTally } from "./report-tally";

export type TReportItem = {
  id: string;
  stratum: string | null;
  isGold: boolean;
  goldVerdict: string | null;
  reviews: (TItemReview & { durationMs: number })[];
  adjudication: { verdict: string; flags: string[]; output: string | null } | null;
};
export type TReportInput = {
  reviewersPerItem: number;
  flags: TFlag[];
  population: number;
  /** Population per stratum value when the sample is stratified, else null. */
  strata: Map<string, number> | null;
  items: TReportItem[];
  pseudonyms: Map<string, string>;
};

/** Every figure of a campaign's report, from its items and reviews (pure). */
export function buildReport(input: TReportInput) {
  const finals = new Map<string, TFinal>(
    input.items.map((it) => [
      it.id,
      finalVerdict({
        reviewsNeeded: input.reviewersPerItem,
        reviews: it.reviews,
        adjudication: it.adjudication,
      }),
    ]),
  );
  const sample = input.items.filter((it) => !it.isGold);
  const final = sample.flatMap((it) => {
    const f = finals.get(it.id);
    return f?.state === "final" ? [{ item: it, f }] : [];
  });
  // The headline figures, as a stored export's manifest gathers them too (report-tally.ts).
  const tally = new ReportTally();
  for (const it of input.items) {
    const f = finals.get(it.id);
    if (f) tally.add(it, f);
  }
  const headline = tally.figures(input);
  const bad = estimate(
    final.map(({ item, f }) => ({ stratum: item.stratum, success: f.verdict !== "accept" })),
    input,
  );
  const flags = input.flags.map((flag) => ({
    ...flag,
    ...estimate(
      final.map(({ item, f }) => ({ stratum: item.stratum, success: f.flags.includes(flag.key) })),
      input,
    ),
  }));

  const reviewers = [...new Set(input.items.flatMap((it) => it.reviews.map((r) => r.reviewerId)))].sort();
  const unitsOf = (value: (r: TItemReview) => string) =>
    input.items.map((it) =>
      reviewers.map((id) => {
        const r = it.reviews.find((x) => x.reviewerId === id);
        return r ? value(r) : null;
      }),
    );

  const perReviewer = reviewers.map((id) => {
    const mine = input.items.flatMap((it) =>
      it.reviews.filter((r) => r.reviewerId === id).map((r) => ({ it, r })),
    );
    const gold = mine.filter(({ it }) => it.isGold);
    const durations = mine.map(({ r }) => r.durationMs).sort((a, b) => a - b);
    return {
      reviewer: input.pseudonyms.get(id) ?? "unknown",
      reviews: mine.length,
      accepted: mine.filter(({ r }) => r.verdict === "accept").length,
      medianDurationMs: durations.length ? (durations[Math.floor((durations.length - 1) / 2)] ?? null) : null,
      gold: {
        n: gold.length,
        correct: gold.filter(({ it, r }) => r.verdict === it.goldVerdict).length,
        accuracy: gold.length
          ? gold.filter(({ it, r }) => r.verdict === it.goldVerdict).length / gold.length
          : null,
      },
    };
  });

  return {
    progress: headline.progress,
    verdicts: headline.verdicts,
    acceptance: headline.acceptance,
    flags,
    badRecords: bad
      ? {
          population: input.population,
          proportion: bad,
          total: estimateTotal(bad.estimate, bad, input.population),
        }
      : null,
    agreement: {
      verdict: headline.verdictAgreement,
      flags: input.flags.map((flag) => ({
        key: flag.key,
        ...agreement(unitsOf((r) => (r.flags.includes(flag.key) ? "1" : "0"))),
      })),
    },
    reviewers: perReviewer,
    disagreements: input.items
      .filter((it) => finals.get(it.id)?.state === "disputed")
      .map((it) => ({ itemId: it.id, reason: (finals.get(it.id) as { reason: string }).reason })),
  };
}
export type TReport = ReturnType<typeof buildReport>;

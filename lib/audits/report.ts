import { estimateTotal, stratifiedProportion } from "@/lib/sampling";
import { krippendorffAlpha, percentAgreement, wilsonInterval } from "@/lib/stats";
import { finalVerdict, type TFinal, type TItemReview } from "./final-verdict";
import type { TFlag } from "./flags";

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
export type TEstimate = {
  successes: number;
  n: number;
  estimate: number;
  lower: number;
  upper: number;
  method: string;
} | null;

const numOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** A proportion over final items, weighted by stratum size when stratified (else Wilson with FPC). */
function estimate(rows: { stratum: string | null; success: boolean }[], input: TReportInput): TEstimate {
  const n = rows.length;
  if (n === 0) return null;
  const successes = rows.filter((r) => r.success).length;
  if (input.strata) {
    const obs = [...input.strata].map(([name, population]) => {
      const inStratum = rows.filter((r) => (r.stratum ?? "") === name);
      return { population, sampled: inStratum.length, successes: inStratum.filter((r) => r.success).length };
    });
    // Weighted only when every non-empty stratum has final items and they account for every row;
    // until then (a stratum not reviewed yet, or none known) fall back to the unweighted interval.
    const active = obs.filter((o) => o.population > 0);
    const covered = active.reduce((sum, o) => sum + o.sampled, 0) === n;
    if (active.length > 0 && covered && active.every((o) => o.sampled > 0 && o.sampled <= o.population)) {
      const e = stratifiedProportion(obs);
      return { successes, n, estimate: e.estimate, lower: e.lower, upper: e.upper, method: e.method };
    }
  }
  const [lower, upper] = wilsonInterval(successes, n, { population: Math.max(n, input.population) });
  return {
    successes,
    n,
    estimate: successes / n,
    lower,
    upper,
    method: input.strata ? "wilson-unweighted" : "wilson",
  };
}

function agreement(units: (string | null)[][]) {
  const overlapping = units.filter((u) => u.filter((v) => v !== null).length >= 2);
  return {
    alpha: numOrNull(krippendorffAlpha(overlapping, { level: "nominal" })),
    percentAgreement: numOrNull(percentAgreement(overlapping)),
    overlappingItems: overlapping.length,
  };
}

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
  const count = (state: TFinal["state"]) => sample.filter((it) => finals.get(it.id)?.state === state).length;

  const acceptance = estimate(
    final.map(({ item, f }) => ({ stratum: item.stratum, success: f.verdict === "accept" })),
    input,
  );
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
    progress: {
      items: sample.length,
      goldItems: input.items.length - sample.length,
      reviews: input.items.reduce((s, it) => s + it.reviews.length, 0),
      final: count("final"),
      disputed: count("disputed"),
      pending: count("pending"),
    },
    verdicts: Object.fromEntries(
      ["accept", "reject", "revise"].map((v) => [v, final.filter(({ f }) => f.verdict === v).length]),
    ),
    acceptance,
    flags,
    badRecords: bad
      ? {
          population: input.population,
          proportion: bad,
          total: estimateTotal(bad.estimate, bad, input.population),
        }
      : null,
    agreement: {
      verdict: agreement(unitsOf((r) => r.verdict)),
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

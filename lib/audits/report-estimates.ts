import { stratifiedProportion } from "@/lib/sampling";
import { krippendorffAlpha, percentAgreement, wilsonInterval } from "@/lib/stats";
import { codePointCompare } from "@/lib/stats/pair-counts";

export type TEstimate = {
  successes: number;
  n: number;
  estimate: number;
  lower: number;
  upper: number;
  method: string;
} | null;

/** What an estimate needs of the campaign: its population, and per stratum when stratified. */
export type TEstimateInput = {
  population: number;
  /** Population per stratum value when the sample is stratified, else null. */
  strata: Map<string, number> | null;
};

const numOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** A proportion over final items, weighted by stratum size when stratified (else Wilson with FPC). */
export function estimate(
  rows: { stratum: string | null; success: boolean }[],
  input: TEstimateInput,
): TEstimate {
  const n = rows.length;
  if (n === 0) return null;
  const successes = rows.filter((r) => r.success).length;
  if (input.strata) {
    // In name order: the weighted sum is floating point, so strata read in the database's row order
    // (a GROUP BY's) could give figures that differ in the last bit between two reads.
    const byName = [...input.strata].sort(([a], [b]) => codePointCompare(a, b));
    const obs = byName.map(([name, population]) => {
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

export function agreement(units: (string | null)[][]) {
  const overlapping = units.filter((u) => u.filter((v) => v !== null).length >= 2);
  return {
    alpha: numOrNull(krippendorffAlpha(overlapping, { level: "nominal" })),
    percentAgreement: numOrNull(percentAgreement(overlapping)),
    overlappingItems: overlapping.length,
  };
}

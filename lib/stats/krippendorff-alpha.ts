import { presentValues, type RatingValue, type ReliabilityData } from "./reliability-data";

export type MeasurementLevel = "nominal" | "ordinal";

export interface KrippendorffOptions {
  /** Default "nominal". */
  readonly level?: MeasurementLevel;
  /**
   * Category order for ordinal data, lowest first. Required for string categories; numbers default
   * to numeric order. Every observed value must appear in it.
   */
  readonly order?: readonly RatingValue[];
}

function categoryOrder(values: ReadonlySet<RatingValue>, options: KrippendorffOptions): RatingValue[] {
  if (options.order) {
    const known = new Set(options.order);
    for (const value of values) {
      if (!known.has(value)) throw new RangeError(`value ${JSON.stringify(value)} is not in the given order`);
    }
    return options.order.filter((value) => values.has(value));
  }
  const list = [...values];
  if ((options.level ?? "nominal") === "nominal") return list;
  if (!list.every((value): value is number => typeof value === "number")) {
    throw new RangeError("ordinal alpha on non-numeric categories needs an explicit `order`");
  }
  return list.sort((a, b) => a - b);
}

/**
 * Krippendorff's alpha, α = 1 − D_o / D_e, via the coincidence matrix (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability"). Chosen for clinician panels because it tolerates
 * missing ratings and any number of raters per unit. Units with fewer than two ratings are ignored.
 *
 * Ordinal distances use Krippendorff's rank-based metric δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²,
 * so only the order of categories matters, not their numeric spacing.
 *
 * @param units rows are units (items), columns raters; missing = null / undefined / NaN.
 * @returns NaN when there are no pairable values or no variation at all (α is undefined then).
 */
export function krippendorffAlpha(units: ReliabilityData, options: KrippendorffOptions = {}): number {
  const level = options.level ?? "nominal";
  const pairable: RatingValue[][] = [];
  const seen = new Set<RatingValue>();
  for (const unit of units) {
    const values = presentValues(unit);
    if (values.length < 2) continue;
    pairable.push(values);
    for (const value of values) seen.add(value);
  }
  const categories = categoryOrder(seen, options);
  const v = categories.length;
  const index = new Map(categories.map((value, i) => [value, i]));

  const coincidence = new Float64Array(v * v);
  const unitCounts = new Float64Array(v);
  for (const values of pairable) {
    unitCounts.fill(0);
    for (const value of values) {
      const c = index.get(value) as number;
      unitCounts[c] = unitCounts[c]! + 1;
    }
    const weight = 1 / (values.length - 1);
    for (let c = 0; c < v; c++) {
      const nc = unitCounts[c]!;
      if (nc === 0) continue;
      for (let k = 0; k < v; k++) {
        const nk = unitCounts[k]!;
        if (nk === 0) continue;
        // A value is never paired with itself, hence nc·(nc − 1) on the diagonal.
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        coincidence[c * v + k] = coincidence[c * v + k]! + pairs * weight;
      }
    }
  }

  const marginal = new Float64Array(v);
  let n = 0;
  for (let c = 0; c < v; c++) {
    for (let k = 0; k < v; k++) marginal[c] = marginal[c]! + coincidence[c * v + k]!;
    n += marginal[c]!;
  }
  if (n < 2) return Number.NaN;

  const distance = (c: number, k: number): number => {
    if (c === k) return 0;
    if (level === "nominal") return 1;
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    let between = 0;
    for (let g = lo; g <= hi; g++) between += marginal[g]!;
    return (between - (marginal[lo]! + marginal[hi]!) / 2) ** 2;
  };

  let observed = 0;
  let expected = 0;
  for (let c = 0; c < v; c++) {
    for (let k = 0; k < v; k++) {
      if (c === k) continue;
      const d = distance(c, k);
      observed += coincidence[c * v + k]! * d;
      expected += marginal[c]! * marginal[k]! * d;
    }
  }
  if (expected === 0) return Number.NaN;
  return 1 - ((n - 1) * observed) / expected;
}

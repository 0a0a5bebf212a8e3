import { createRng } from "@/lib/random";

export type TPlannedComparison = {
  promptId: string;
  modelA: string;
  modelB: string;
  kind: "regular" | "attention";
  degradedModel: string | null;
};

/** A planned pair not handed out to raters: the output of `revealing` names its model. */
export type THeldBackComparison = { promptId: string; modelA: string; modelB: string; revealing: string[] };

/**
 * The comparisons of a study: every pair of models per prompt, or each model against the reference
 * (the reference is always model B). Prompts lacking an output of either model are skipped and
 * reported. A pair where an output names its model (`revealing`) is held back and reported, unless
 * `includeRevealing`. Attention checks reuse a sample of the regular pairs with one side to be degraded.
 */
export function planComparisons(input: {
  prompts: { id: string; models: string[]; revealing?: string[] }[];
  models: string[];
  design: "all_pairs" | "vs_reference";
  reference: string | null;
  attentionCheckShare: number;
  seed: string;
  includeRevealing?: boolean;
}): {
  comparisons: TPlannedComparison[];
  skipped: { promptId: string; missing: string[] }[];
  heldBack: THeldBackComparison[];
} {
  const models = [...input.models].sort();
  const pairs: [string, string][] = [];
  if (input.design === "vs_reference") {
    const ref = input.reference ?? "";
    for (const m of models) if (m !== ref) pairs.push([m, ref]);
  } else {
    for (let i = 0; i < models.length; i++)
      for (let j = i + 1; j < models.length; j++) pairs.push([models[i] as string, models[j] as string]);
  }
  const regular: TPlannedComparison[] = [];
  const skipped: { promptId: string; missing: string[] }[] = [];
  const heldBack: THeldBackComparison[] = [];
  for (const p of input.prompts) {
    const have = new Set(p.models);
    const revealing = new Set(input.includeRevealing ? [] : (p.revealing ?? []));
    const missing = new Set<string>();
    for (const [a, b] of pairs) {
      if (!have.has(a)) missing.add(a);
      if (!have.has(b)) missing.add(b);
      if (!have.has(a) || !have.has(b)) continue;
      if (revealing.has(a) || revealing.has(b))
        heldBack.push({
          promptId: p.id,
          modelA: a,
          modelB: b,
          revealing: [a, b].filter((m) => revealing.has(m)),
        });
      else regular.push({ promptId: p.id, modelA: a, modelB: b, kind: "regular", degradedModel: null });
    }
    if (missing.size) skipped.push({ promptId: p.id, missing: [...missing].sort() });
  }
  const rng = createRng(`${input.seed}:attention`, "xoshiro128**");
  const nChecks = Math.round(regular.length * input.attentionCheckShare);
  const checks = rng
    .shuffle(regular)
    .slice(0, nChecks)
    .map((c, i): TPlannedComparison => ({
      ...c,
      kind: "attention",
      degradedModel: i % 2 === 0 ? c.modelA : c.modelB,
    }));
  return { comparisons: [...regular, ...checks], skipped, heldBack };
}

import { createRng } from "@/lib/stats";

export type TPlannedComparison = {
  promptId: string;
  modelA: string;
  modelB: string;
  kind: "regular" | "attention";
  degradedModel: string | null;
};

/**
 * The comparisons of a study: every pair of models per prompt, or each model against the reference
 * (the reference is always model B). Prompts lacking an output of either model are skipped and
 * reported. Attention checks reuse a sample of regular pairs with one side to be degraded.
 */
export function planComparisons(input: {
  prompts: { id: string; models: string[] }[];
  models: string[];
  design: "all_pairs" | "vs_reference";
  reference: string | null;
  attentionCheckShare: number;
  seed: string;
}): { comparisons: TPlannedComparison[]; skipped: { promptId: string; missing: string[] }[] } {
  const models = [...input.models].sort();
  const pairs: [string, string][] = [];
  if (input.design === "vs_reference") {
    const ref = input.reference ?? "";
    for (const m of models) if (m !== ref) pairs.push([m, ref]);
  } else {
    for (let i = 0; i < models.length; i++) for (let j = i + 1; j < models.length; j++) pairs.push([models[i] as string, models[j] as string]);
  }
  const regular: TPlannedComparison[] = [];
  const skipped: { promptId: string; missing: string[] }[] = [];
  for (const p of input.prompts) {
    const have = new Set(p.models);
    const missing = new Set<string>();
    for (const [a, b] of pairs) {
      if (!have.has(a)) missing.add(a);
      if (!have.has(b)) missing.add(b);
      if (have.has(a) && have.has(b)) regular.push({ promptId: p.id, modelA: a, modelB: b, kind: "regular", degradedModel: null });
    }
    if (missing.size) skipped.push({ promptId: p.id, missing: [...missing].sort() });
  }
  const rng = createRng(`${input.seed}:attention`);
  const nChecks = Math.round(regular.length * input.attentionCheckShare);
  const checks = rng
    .shuffle(regular)
    .slice(0, nChecks)
    .map((c, i): TPlannedComparison => ({ ...c, kind: "attention", degradedModel: i % 2 === 0 ? c.modelA : c.modelB }));
  return { comparisons: [...regular, ...checks], skipped };
}

import { createRng } from "@/lib/random";
import type { Choice, Judgement } from "./types";

export interface SyntheticStudyOptions {
  readonly judgements: number;
  readonly models: number;
  readonly judgementsPerPrompt: number;
  readonly raters: number;
  readonly seed: number | string;
  /** Elo gap between consecutive models (model-0 strongest). Default 40. */
  readonly ratingStep?: number;
  /** Share of judgements that are ties, and separately both-bad. Default 0.1 each. */
  readonly tieRate?: number;
  readonly bothBadRate?: number;
  readonly criteria?: readonly string[];
}

/**
 * Deterministic fake study with known Bradley–Terry ratings, for benchmarks and recovery tests;
 * real data cannot tell us whether a fit recovers the truth.
 */
export function syntheticJudgements(options: SyntheticStudyOptions): Judgement[] {
  const rng = createRng(options.seed, "xoshiro128**");
  const step = options.ratingStep ?? 40;
  const tieRate = options.tieRate ?? 0.1;
  const bothBadRate = options.bothBadRate ?? 0.1;
  const criteria = options.criteria ?? ["overall"];
  const strength = Array.from({ length: options.models }, (_, i) => 10 ** ((-step * i) / 400));
  const out: Judgement[] = [];
  for (let i = 0; i < options.judgements; i++) {
    const a = rng.nextInt(options.models);
    let b = rng.nextInt(options.models - 1);
    if (b >= a) b++;
    const sa = strength[a] as number;
    const sb = strength[b] as number;
    const u = rng.nextFloat();
    let choice: Choice;
    if (u < tieRate) choice = "tie";
    else if (u < tieRate + bothBadRate) choice = "both_bad";
    else choice = rng.nextFloat() < sa / (sa + sb) ? "A" : "B";
    out.push({
      promptId: `p${Math.floor(i / options.judgementsPerPrompt)}`,
      raterId: `r${rng.nextInt(options.raters)}`,
      modelA: `model-${a}`,
      modelB: `model-${b}`,
      shownLeft: rng.nextFloat() < 0.5 ? "A" : "B",
      criterion: criteria[i % criteria.length] as string,
      choice,
    });
  }
  return out;
}

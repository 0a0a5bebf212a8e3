import { bootstrapBradleyTerry } from "./bradley-terry-bootstrap";
import { summarisePairs } from "./summarise";
import { syntheticJudgements } from "./synthetic";

export interface BenchOptions {
  readonly judgements?: number;
  readonly models?: number;
  readonly judgementsPerPrompt?: number;
  readonly rounds?: number;
}

/** The target size's study (10,000 judgements, 8 models by default), the same for every benchmark. */
function benchJudgements(options: BenchOptions) {
  return syntheticJudgements({
    judgements: options.judgements ?? 10_000,
    models: options.models ?? 8,
    judgementsPerPrompt: options.judgementsPerPrompt ?? 5,
    raters: 20,
    seed: "bench",
  });
}

/**
 * Wall-clock milliseconds for a prompt-clustered Bradley–Terry bootstrap at the target size
 * (10,000 judgements, 8 models, 1,000 rounds; budget 2 s on 2 cores). Data generation is excluded;
 * aggregation, the point fit and all rounds are included. A script, not a test, because timings
 * on shared CI machines are too noisy to assert on.
 *
 *   npx tsx --eval 'import { benchBradleyTerry } from "./lib/stats/bench-bradley-terry.ts"; console.log(benchBradleyTerry());'
 */
export function benchBradleyTerry(options: BenchOptions = {}): number {
  const judgements = benchJudgements(options);
  const started = performance.now();
  bootstrapBradleyTerry(judgements, { rounds: options.rounds ?? 1000, seed: 7 });
  return performance.now() - started;
}

/**
 * Wall-clock milliseconds for everything a study's results show, from the same data: counts, win
 * rates, Wilson intervals, sign tests, agreement, position bias and the Bradley–Terry bootstrap.
 */
export function benchSummary(options: BenchOptions = {}): number {
  const judgements = benchJudgements(options);
  const started = performance.now();
  summarisePairs(judgements, { bootstrapRounds: options.rounds ?? 1000, seed: 7 });
  return performance.now() - started;
}

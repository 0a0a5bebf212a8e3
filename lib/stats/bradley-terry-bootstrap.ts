import {
  collectModels,
  fitLogStrengthsInPlace,
  logStrengthsToRatings,
  maximumLikelihoodExists,
  resolveFitSettings,
  type BradleyTerryOptions,
} from "./bradley-terry";
import { assertNeverChoice } from "./pair-counts";
import { percentileInterval } from "./quantile";
import { createRng } from "@/lib/random";
import type { Interval, PromptOutcome } from "./types";

export interface BootstrapOptions extends BradleyTerryOptions {
  /** Default 1000. */
  readonly rounds?: number;
  /** Same seed, same data → identical intervals. Default 1. */
  readonly seed?: number | string;
  /** Default 0.95. */
  readonly confidence?: number;
  /** Rating order / extra models; see fitBradleyTerry. */
  readonly models?: readonly string[];
  /** Also return every kept round's ratings (for intervals of differences, e.g. "is the order settled?"). */
  readonly keepSamples?: boolean;
}

export interface RatingWithInterval {
  readonly model: string;
  readonly rating: number;
  readonly ci: Interval;
}

export interface BootstrapResult {
  /** Point ratings from the full data, with percentile intervals from the resamples. */
  readonly ratings: readonly RatingWithInterval[];
  readonly rounds: number;
  /**
   * Rounds left out because the resample had no finite maximum-likelihood fit (prior off) or the fit
   * failed to converge. A non-zero value means the intervals are conditional on the kept rounds.
   */
  readonly droppedRounds: number;
  /** With `keepSamples`: per model (in rating order), its rating in each kept round; rounds align across models. */
  readonly samples?: readonly Float64Array[];
}

/** Per-prompt wins matrices in compressed sparse rows: most prompts touch only a few model pairs. */
interface PromptMatrices {
  readonly prompts: number;
  readonly start: Int32Array;
  readonly cell: Int32Array;
  readonly value: Float64Array;
  readonly total: Float64Array;
}

function aggregateByPrompt(models: readonly string[], outcomes: readonly PromptOutcome[]): PromptMatrices {
  const k = models.length;
  const modelIndex = new Map(models.map((model, i) => [model, i]));
  const perPrompt = new Map<string, Map<number, number>>();
  const total = new Float64Array(k * k);
  const add = (cells: Map<number, number>, cell: number, amount: number): void => {
    if (amount === 0) return;
    cells.set(cell, (cells.get(cell) ?? 0) + amount);
    total[cell] = total[cell]! + amount;
  };
  for (const outcome of outcomes) {
    if (outcome.modelA === outcome.modelB)
      throw new RangeError(`comparison of ${outcome.modelA} with itself`);
    const a = modelIndex.get(outcome.modelA);
    const b = modelIndex.get(outcome.modelB);
    if (a === undefined || b === undefined)
      throw new RangeError(`outcome uses a model not in the model list`);
    let cells = perPrompt.get(outcome.promptId);
    if (!cells) {
      cells = new Map();
      perPrompt.set(outcome.promptId, cells);
    }
    switch (outcome.choice) {
      case "A":
        add(cells, a * k + b, 1);
        break;
      case "B":
        add(cells, b * k + a, 1);
        break;
      case "tie":
      case "both_bad":
        add(cells, a * k + b, 0.5);
        add(cells, b * k + a, 0.5);
        break;
      default:
        assertNeverChoice(outcome.choice);
    }
  }
  const prompts = perPrompt.size;
  let entries = 0;
  for (const cells of perPrompt.values()) entries += cells.size;
  const start = new Int32Array(prompts + 1);
  const cell = new Int32Array(entries);
  const value = new Float64Array(entries);
  let p = 0;
  let e = 0;
  for (const cells of perPrompt.values()) {
    start[p] = e;
    for (const [c, v] of cells) {
      cell[e] = c;
      value[e] = v;
      e++;
    }
    p++;
  }
  start[prompts] = e;
  return { prompts, start, cell, value, total };
}

/**
 * Bradley–Terry ratings with percentile bootstrap intervals that resample prompts, not judgements:
 * judgements on one prompt share its difficulty and its response pair, so treating them as
 * independent would make the intervals too narrow.
 *
 * Cost per round is one multinomial draw over prompts, a sparse sum of pre-aggregated per-prompt
 * matrices, and a Newton fit warm-started from the full-data solution.
 */
export function bootstrapBradleyTerry(
  outcomes: readonly PromptOutcome[],
  options: BootstrapOptions = {},
): BootstrapResult {
  const settings = resolveFitSettings(options);
  const rounds = options.rounds ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer`);
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1)`);

  const models = options.models ? [...options.models] : collectModels(outcomes);
  if (new Set(models).size !== models.length) throw new RangeError("models must be unique");
  const k = models.length;
  const data = aggregateByPrompt(models, outcomes);

  if (settings.priorGames === 0 && !maximumLikelihoodExists(k, data.total)) {
    throw new RangeError(
      "Bradley–Terry maximum-likelihood ratings do not exist for these data; use priorGames > 0.",
    );
  }
  const pointTheta = new Float64Array(k);
  const pointFit = fitLogStrengthsInPlace(k, data.total, pointTheta, settings);
  if (!pointFit.converged) throw new RangeError("Bradley–Terry fit did not converge on the full data");
  const pointRatings = logStrengthsToRatings(pointTheta);

  const rng = createRng(options.seed ?? 1, "xoshiro128**");
  const multiplicity = new Int32Array(data.prompts);
  const wins = new Float64Array(k * k);
  const theta = new Float64Array(k);
  const roundRatings = new Float64Array(k);
  // Model-major so each model's resampled ratings are contiguous for the percentile step.
  const samples = new Float64Array(k * rounds);
  let kept = 0;
  let droppedRounds = 0;

  for (let round = 0; round < rounds; round++) {
    multiplicity.fill(0);
    for (let draw = 0; draw < data.prompts; draw++) {
      const p = rng.nextInt(data.prompts);
      multiplicity[p] = multiplicity[p]! + 1;
    }
    wins.fill(0);
    for (let p = 0; p < data.prompts; p++) {
      const m = multiplicity[p]!;
      if (m === 0) continue;
      const end = data.start[p + 1]!;
      for (let e = data.start[p]!; e < end; e++) {
        const c = data.cell[e]!;
        wins[c] = wins[c]! + m * data.value[e]!;
      }
    }
    if (settings.priorGames === 0 && !maximumLikelihoodExists(k, wins)) {
      droppedRounds++;
      continue;
    }
    theta.set(pointTheta);
    if (!fitLogStrengthsInPlace(k, wins, theta, settings).converged) {
      droppedRounds++;
      continue;
    }
    logStrengthsToRatings(theta, roundRatings);
    for (let i = 0; i < k; i++) samples[i * rounds + kept] = roundRatings[i]!;
    kept++;
  }

  const ratings = models.map((model, i): RatingWithInterval => {
    const ci =
      kept === 0
        ? ([Number.NaN, Number.NaN] as const)
        : percentileInterval(samples.subarray(i * rounds, i * rounds + kept), confidence);
    return { model, rating: pointRatings[i]!, ci };
  });
  if (!options.keepSamples) return { ratings, rounds, droppedRounds };
  const samplesOf = models.map((_, i) => samples.subarray(i * rounds, i * rounds + kept));
  return { ratings, rounds, droppedRounds, samples: samplesOf };
}

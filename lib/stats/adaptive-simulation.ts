import { createRng, type TRng } from "@/lib/random";
import {
  chooseNextComparison,
  covariance,
  type AllocationItem,
  type AllocationReason,
  type TAllocationGoal,
} from "./adaptive-allocation";
import {
  ELO_SCALE,
  ELO_CENTRE,
  fitLogStrengthsInPlace,
  resolveFitSettings,
  winsMatrix,
} from "./bradley-terry";
import { bootstrapBradleyTerry, type BootstrapResult } from "./bradley-terry-bootstrap";
import type { PairCounts } from "./pair-counts";
import { adjacentOrders } from "./settled-order";
import type { Choice, PromptOutcome } from "./types";

/** Issue 17's study: natural-log strengths of 8 models, best first. */
export const ISSUE_LOG_STRENGTHS = [0, -0.1, -0.2, -0.35, -0.5, -0.7, -0.95, -1.3] as const;

/** uniform: every pair in turn; adaptive: chooseNextComparison; fixed: the best fixed shares from the true strengths. */
export type TAllocationDesign = "uniform" | "adaptive" | "fixed";

export interface SimulationOptions {
  readonly seed: string | number;
  readonly goal: TAllocationGoal;
  readonly design: TAllocationDesign;
  readonly logStrengths?: readonly number[];
  /** Default 0.1. */
  readonly tieRate?: number;
  /** Default 200. */
  readonly prompts?: number;
  /** Judgements each simulated rater gives before the next one starts. Default 100. */
  readonly perRater?: number;
  /** Give up (goal not reached) after this many judgements. Default 40,000. */
  readonly maxJudgements?: number;
  /** The stopping rule is looked at every this many judgements. Default 250. */
  readonly checkEvery?: number;
  /** Rounds of the prompt bootstrap at each look. Default 200. */
  readonly bootstrapRounds?: number;
  /**
   * Rounds of the bootstrap that decides the stop and whose intervals are scored against the truth
   * (the app's results page uses 1000). With more rounds than `bootstrapRounds`, a look's cheap
   * bootstrap only screens: when it says the goal is met or near, this one decides. Default
   * `bootstrapRounds` (the cheap bootstrap decides and is scored).
   */
  readonly finalRounds?: number;
  /**
   * A common budget of judgements at which coverage is also scored, whatever the stopping rule did
   * (no optional stopping there). The run goes on to it if the goal is met earlier.
   */
  readonly coverageAt?: number;
  /** Ratings goal: the widest 95% interval must be at most this wide (Elo). Default 40. */
  readonly targetWidth?: number;
  /** Judgement counts at which the goal's measure is recorded whatever the stopping rule says. */
  readonly curveAt?: readonly number[];
  /** Best fixed shares per pair, from bestFixedShares (computed once per goal by the caller). */
  readonly fixedShares?: readonly number[];
  /** Passed to chooseNextComparison (adaptive design). */
  readonly coverageFloor?: number;
}

export interface CurvePoint {
  readonly judgements: number;
  /** Adjacent orders not yet settled (ranking) or the widest 95% interval in Elo (ratings). */
  readonly value: number;
}

export interface SimulationRun {
  /** Judgements at the first look where the goal was met; null if not met by maxJudgements. */
  readonly judgementsToGoal: number | null;
  /** Models whose 95% interval, at that look (or at the end), contains the true rating. */
  readonly covered: number;
  /** The same at `coverageAt` judgements (null without it, or if the run ended before). */
  readonly coveredAtBudget: number | null;
  readonly models: number;
  readonly curve: readonly CurvePoint[];
  /** Comparisons in the order they were handed out (the replay test's expectation). */
  readonly handedOut: readonly { promptId: string; modelA: string; modelB: string; rater: string }[];
  /** Why each adaptive choice was made (empty for the other designs). */
  readonly reasons: readonly AllocationReason[];
}

/** Model name of index i: m0 is the strongest. */
export const simulatedModel = (i: number) => `m${i}`;

function pairList(k: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) pairs.push([a, b]);
  return pairs;
}

function emptyCounts(k: number): {
  modelA: string;
  modelB: string;
  winsA: number;
  winsB: number;
  ties: number;
  bothBad: number;
  n: number;
}[] {
  return pairList(k).map(([a, b]) => ({
    modelA: simulatedModel(a),
    modelB: simulatedModel(b),
    winsA: 0,
    winsB: 0,
    ties: 0,
    bothBad: 0,
    n: 0,
  }));
}

/**
 * The best fixed allocation for a goal, from the true strengths: the adaptive rule run on the
 * expected tallies (true strengths, no noise), whose greedy steps converge to the minimax design
 * over the goal's contrasts; its shares per pair are then held fixed.
 */
export function bestFixedShares(
  goal: TAllocationGoal,
  logStrengths: readonly number[],
  steps = 4000,
): number[] {
  const k = logStrengths.length;
  const pairs = pairList(k);
  const models = logStrengths.map((_, i) => simulatedModel(i));
  const n = new Array<number>(pairs.length).fill(0);
  const eligible = pairs.map(([a, b]) => ({ promptId: "p", modelA: models[a]!, modelB: models[b]! }));
  for (let step = 0; step < steps; step++) {
    const counts: PairCounts[] = pairs.map(([a, b], i) => {
      const p = 1 / (1 + Math.exp(logStrengths[b]! - logStrengths[a]!));
      return {
        modelA: models[a]!,
        modelB: models[b]!,
        winsA: n[i]! * p,
        winsB: n[i]! * (1 - p),
        ties: 0,
        bothBad: 0,
        n: n[i]!,
      };
    });
    const picked = chooseNextComparison({ goal, models, counts, eligible, warmUpPerPair: 0 });
    n[picked!.index] = n[picked!.index]! + 1;
  }
  return n.map((v) => v / steps);
}

/**
 * One simulated study under one allocation (pure, seeded). Outcomes come from per-pair random
 * streams, so the same seed under two designs gives the m-th judgement of a pair the same draw
 * (common random numbers: the designs are compared on paired studies).
 *
 * The stopping rule is the app's own: the prompt bootstrap's intervals. To keep runs cheap it is
 * only evaluated at looks every `checkEvery` judgements, and only once the Wald approximation
 * (Fisher information) says the goal is near; the bootstrap decides.
 */
export function simulateStudy(options: SimulationOptions): SimulationRun {
  const theta = options.logStrengths ?? ISSUE_LOG_STRENGTHS;
  const k = theta.length;
  const models = theta.map((_, i) => simulatedModel(i));
  const pairs = pairList(k);
  const tieRate = options.tieRate ?? 0.1;
  const promptCount = options.prompts ?? 200;
  const perRater = options.perRater ?? 100;
  const maxJudgements = options.maxJudgements ?? 40_000;
  const checkEvery = options.checkEvery ?? 250;
  const rounds = options.bootstrapRounds ?? 200;
  const finalRounds = Math.max(rounds, options.finalRounds ?? rounds);
  const coverageAt = options.coverageAt ?? 0;
  const targetWidth = options.targetWidth ?? 40;
  const curveAt = new Set(options.curveAt ?? []);
  const lastPoint = Math.max(coverageAt, ...curveAt);
  const seed = String(options.seed);

  const outcomeRng = pairs.map((_, i) => createRng(`${seed}:outcome:${i}`, "xoshiro128**"));
  const orderRng = createRng(`${seed}:order:${options.design}`, "xoshiro128**");
  // Each pair walks the prompts in its own shuffled order, so a pair's judgements spread evenly.
  const promptOrder = pairs.map((_, i) =>
    createRng(`${seed}:prompts:${i}`, "xoshiro128**").shuffle(range(promptCount)),
  );
  const cursor = new Array<number>(pairs.length).fill(0);
  const judgedComparison = new Map<string, number>();
  const counts = emptyCounts(k);
  const outcomes: PromptOutcome[] = [];
  const handedOut: { promptId: string; modelA: string; modelB: string; rater: string }[] = [];
  const reasons: AllocationReason[] = [];
  const curve: CurvePoint[] = [];
  const truth = trueRatings(theta);
  let uniformCycle: number[] = [];
  let raterDone = new Set<string>();

  /** The pair's next prompt this rater has not judged yet (the rater's eligible item for the pair). */
  const nextItemOf = (pair: number): AllocationItem & { pair: number } => {
    const order = promptOrder[pair]!;
    for (let step = 0; ; step++) {
      const promptId = `p${order[(cursor[pair]! + step) % promptCount]!}`;
      const key = `${promptId}:${pair}`;
      if (!raterDone.has(key) || step >= promptCount) {
        const [a, b] = pairs[pair]!;
        return {
          pair,
          promptId,
          modelA: models[a]!,
          modelB: models[b]!,
          judged: judgedComparison.get(key) ?? 0,
        };
      }
    }
  };

  const pickPair = (): number => {
    if (options.design === "uniform") {
      if (uniformCycle.length === 0) uniformCycle = orderRng.shuffle(range(pairs.length));
      return uniformCycle.pop()!;
    }
    if (options.design === "fixed") {
      const shares = options.fixedShares ?? bestFixedShares(options.goal, theta);
      const total = outcomes.length + 1;
      let best = 0;
      let bestLag = -Infinity;
      shares.forEach((share, i) => {
        const lag = share * total - counts[i]!.n;
        if (lag > bestLag) {
          bestLag = lag;
          best = i;
        }
      });
      return best;
    }
    const eligible = pairs.map((_, i) => nextItemOf(i));
    const choice = chooseNextComparison({
      goal: options.goal,
      models,
      counts,
      eligible,
      ...(options.coverageFloor === undefined ? {} : { coverageFloor: options.coverageFloor }),
    });
    reasons.push(choice!.reason);
    return choice!.item.pair;
  };

  let reached: number | null = null;
  let lastFit: BootstrapResult | null = null;
  let coveredAtBudget: number | null = null;
  const bootstrap = (n: number, r: number, tag: string) =>
    bootstrapBradleyTerry(outcomes, { rounds: r, seed: `${seed}:${n}${tag}`, models, keepSamples: true });
  const met = (value: number) => (options.goal === "ranking" ? value === 0 : value <= targetWidth);
  // The cheap bootstrap hands the decision to the full one when the goal looks met or near: its
  // Monte-Carlo noise (a 200-round percentile width is off by ~7%) must neither skip a look where
  // the full one would stop nor stop on a lucky draw (a stop chosen for narrow intervals would
  // then be scored on those same intervals, and under-cover). The ranking screen asks for "settled"
  // outright: a last close pair can hover at one unsettled order for dozens of looks, and a
  // 1000-round bootstrap at each would triple the run; a missed stop only costs one more look.
  const near = (value: number) => (options.goal === "ranking" ? value === 0 : value <= targetWidth * 1.15);
  const covers = (fit: BootstrapResult) =>
    fit.ratings.filter((r, i) => r.ci[0] <= truth[i]! && truth[i]! <= r.ci[1]).length;
  for (let n = 1; n <= maxJudgements; n++) {
    if ((n - 1) % perRater === 0) raterDone = new Set();
    const pair = pickPair();
    const item = nextItemOf(pair);
    const key = `${item.promptId}:${pair}`;
    cursor[pair] = cursor[pair]! + 1;
    raterDone.add(key);
    judgedComparison.set(key, (judgedComparison.get(key) ?? 0) + 1);
    const choice = draw(outcomeRng[pair]!, theta[pairs[pair]![0]]! - theta[pairs[pair]![1]]!, tieRate);
    const c = counts[pair]!;
    if (choice === "A") c.winsA++;
    else if (choice === "B") c.winsB++;
    else c.ties++;
    c.n++;
    outcomes.push({ promptId: item.promptId, modelA: item.modelA, modelB: item.modelB, choice });
    handedOut.push({
      promptId: item.promptId,
      modelA: item.modelA,
      modelB: item.modelB,
      rater: `r${Math.floor((n - 1) / perRater)}`,
    });

    const look = n % checkEvery === 0;
    const forced = curveAt.has(n);
    if (forced || (look && reached === null && waldNear(options.goal, models, counts, targetWidth))) {
      const fit = bootstrap(n, rounds, "");
      const value = goalValue(options.goal, fit);
      if (forced) curve.push({ judgements: n, value });
      if (reached === null) {
        const decider =
          finalRounds > rounds && look && near(value) ? bootstrap(n, finalRounds, ":final") : fit;
        lastFit = decider;
        if (look && met(decider === fit ? value : goalValue(options.goal, decider))) reached = n;
      }
    }
    if (n === coverageAt) coveredAtBudget = covers(bootstrap(n, finalRounds, ":budget"));
    // Done once the goal is met and the last curve point (and the budget's coverage) is recorded.
    if (reached !== null && n >= lastPoint) break;
  }
  const fit = lastFit ?? bootstrap(outcomes.length, finalRounds, ":final");
  return {
    judgementsToGoal: reached,
    covered: covers(fit),
    coveredAtBudget,
    models: k,
    curve,
    handedOut,
    reasons,
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/**
 * A tie with probability `tieRate`; A wins with σ(gap) − tieRate/2, B with the rest. The app counts a
 * tie as half a win each, so A's expected share stays exactly σ(gap): the true log-strengths are what
 * the app's Bradley–Terry fit estimates (ties drawn independently of the gap would shrink every gap,
 * and no interval would then cover the strengths we started from).
 */
function draw(rng: TRng, gap: number, tieRate: number): Choice {
  const u = rng.nextFloat();
  if (u < tieRate) return "tie";
  return u < tieRate + 1 / (1 + Math.exp(-gap)) - tieRate / 2 ? "A" : "B";
}

/** True ratings on the app's scale (Elo, mean 1000). */
export function trueRatings(theta: readonly number[]): number[] {
  const mean = theta.reduce((s, t) => s + t, 0) / theta.length;
  return theta.map((t) => ELO_SCALE * (t - mean) + ELO_CENTRE);
}

/** Unsettled adjacent orders (ranking) or the widest interval in Elo (ratings), from a bootstrap. */
export function goalValue(goal: TAllocationGoal, fit: BootstrapResult): number {
  if (goal === "ranking") return adjacentOrders(fit).filter((o) => !o.settled).length;
  return Math.max(...fit.ratings.map((r) => r.ci[1] - r.ci[0]));
}

/**
 * Cheap pre-check before the bootstrap: the normal approximation from the Fisher information. The
 * margins are wide (z 1.5 instead of 1.96; width 1.3× the target) so the bootstrap is never skipped
 * at a look where it could already say yes.
 */
function waldNear(
  goal: TAllocationGoal,
  models: readonly string[],
  counts: readonly PairCounts[],
  targetWidth: number,
): boolean {
  const k = models.length;
  const settings = resolveFitSettings({});
  const wins = winsMatrix(models, counts);
  const theta = new Float64Array(k);
  fitLogStrengthsInPlace(k, wins, theta, settings);
  const sigma = covariance(k, wins, theta, settings.priorGames);
  if (goal === "ranking") {
    const order = range(k).sort((x, y) => theta[y]! - theta[x]!);
    for (let r = 0; r + 1 < k; r++) {
      const i = order[r]!;
      const j = order[r + 1]!;
      const sd = Math.sqrt(sigma[i * k + i]! + sigma[j * k + j]! - 2 * sigma[i * k + j]!);
      if ((theta[i]! - theta[j]!) / sd < 1.5) return false;
    }
    return true;
  }
  let all = 0;
  for (let r = 0; r < sigma.length; r++) all += sigma[r]!;
  for (let i = 0; i < k; i++) {
    let row = 0;
    for (let r = 0; r < k; r++) row += sigma[i * k + r]!;
    const sd = Math.sqrt(sigma[i * k + i]! - (2 * row) / k + all / (k * k));
    if (2 * 1.959964 * ELO_SCALE * sd > 1.3 * targetWidth) return false;
  }
  return true;
}

/**
 * The simulation's adaptive design one step at a time, for replaying a simulated study against the
 * app (tests/integration/studies-adaptive-replay.test.ts): the caller supplies the rater's eligible
 * items (the app's own queue), `choose` is chooseNextComparison on the simulated tallies, and
 * `answer` draws the pair's next outcome from the same per-pair streams simulateStudy uses (so one
 * seed gives the same answers) and tallies it. simulateStudy itself is unchanged.
 */
export function adaptiveStepper(options: {
  readonly seed: string | number;
  readonly goal: TAllocationGoal;
  readonly logStrengths?: readonly number[];
  readonly tieRate?: number;
}) {
  const theta = options.logStrengths ?? ISSUE_LOG_STRENGTHS;
  const k = theta.length;
  const models = theta.map((_, i) => simulatedModel(i));
  const pairs = pairList(k);
  const tieRate = options.tieRate ?? 0.1;
  const seed = String(options.seed);
  const outcomeRng = pairs.map((_, i) => createRng(`${seed}:outcome:${i}`, "xoshiro128**"));
  const counts = emptyCounts(k);
  const pairIndex = (modelA: string, modelB: string) => {
    const i = pairs.findIndex(([a, b]) => models[a] === modelA && models[b] === modelB);
    if (i < 0) throw new RangeError(`${modelA} vs ${modelB} is not a simulated pair (strongest first)`);
    return i;
  };
  return {
    models,
    choose: <T extends AllocationItem>(eligible: readonly T[]) =>
      chooseNextComparison({ goal: options.goal, models, counts, eligible }),
    /** The simulated rater's choice (model terms) for the pair's next judgement, tallied. */
    answer(modelA: string, modelB: string): Choice {
      const i = pairIndex(modelA, modelB);
      const [a, b] = pairs[i]!;
      const choice = draw(outcomeRng[i]!, theta[a]! - theta[b]!, tieRate);
      const c = counts[i]!;
      if (choice === "A") c.winsA++;
      else if (choice === "B") c.winsB++;
      else c.ties++;
      c.n++;
      return choice;
    },
  };
}

import {
  choleskySolveInPlace,
  fitLogStrengthsInPlace,
  resolveFitSettings,
  winsMatrix,
} from "./bradley-terry";
import type { PairCounts } from "./pair-counts";
import type { Side } from "./types";

/**
 * What an adaptive study must settle: "ranking" — the order of every two models adjacent in the
 * current ranking, at 95%; "ratings" — the widest 95% rating interval.
 */
export type TAllocationGoal = "ranking" | "ratings";

/** One comparison the rater may be handed: a prompt and a model pair (sides already chosen or not). */
export interface AllocationItem {
  readonly promptId: string;
  readonly modelA: string;
  readonly modelB: string;
  readonly shownLeft?: Side;
  /** How often this comparison has been judged already (by anyone); the least judged prompt wins ties. */
  readonly judged?: number;
}

export interface AllocationInput<T extends AllocationItem> {
  readonly goal: TAllocationGoal;
  /** Every model of the study (those without judgements too). */
  readonly models: readonly string[];
  /** The study's current (current-revision, non-attention-check) tallies per model pair. */
  readonly counts: readonly PairCounts[];
  /** The rater's eligible items, in the queue's own order (that order breaks the last ties). */
  readonly eligible: readonly T[];
  /**
   * Comparisons handed out to other raters and not answered yet, per model pair (either
   * orientation). Each counts as a judgement to come: towards the warm-up and floor counts, and as
   * its information p(1−p) in the fit's covariance, but not in the wins the fit is made from (its
   * outcome is unknown). Why: raters claiming at the same moment see the same tallies, so without
   * this every one of them would be sent to the same pair (the "constant liar" / pending-point
   * heuristic of batch sequential design; Ginsbourger, Le Riche & Carraro 2010). Absent or empty
   * (one rater, the simulation): the choice is exactly the one-at-a-time rule's.
   */
  readonly pending?: readonly PairPending[];
  /** Judgements every eligible model pair gets before the adaptive rule takes over. Default 10. */
  readonly warmUpPerPair?: number;
  /**
   * After warm-up, an eligible pair with fewer than this share of the mean judgements per pair is
   * served first. Default 0.3. Why: a greedy rule starves pairs whose order looks settled early, and
   * one that looked settled by luck would stay over-estimated (adaptive-sampling bias), so intervals
   * would cover the truth less than 95% of the time; a floor keeps every pair being re-measured.
   */
  readonly coverageFloor?: number;
  /** The Bradley–Terry prior of the study's analysis (virtual drawn games per model). Default 1. */
  readonly priorGames?: number;
}

/** Handed-out, unanswered comparisons of one model pair (see AllocationInput.pending). */
export interface PairPending {
  readonly modelA: string;
  readonly modelB: string;
  readonly n: number;
}

/** Why an item was chosen, small enough to store with every assignment. */
export interface AllocationReason {
  /** "warm-up" / "floor": the least judged pair, pending included (see coverageFloor); "ranking" / "ratings": the adaptive rule; "single": one pair eligible. */
  readonly rule: "warm-up" | "floor" | "ranking" | "ratings" | "single";
  /** The chosen model pair, as in the item. */
  readonly pair: readonly [string, string];
  /** Judgements the chosen pair had before this one. */
  readonly pairJudgements: number;
  /**
   * What the rule is working on: the adjacent model pair whose order is least settled (ranking) or
   * the model with the widest interval (ratings). Absent in warm-up.
   */
  readonly target?: readonly string[];
  /**
   * The rule's objective after this judgement, in units of "the goal's threshold": the largest of
   * Var(contrast) / Var needed, so 1 means the normal approximation just reaches the goal.
   */
  readonly deficit?: number;
}

export interface AllocationChoice<T> {
  readonly item: T;
  readonly index: number;
  readonly reason: AllocationReason;
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;
/**
 * Adjacent gaps are floored at 0.05 log-strength (≈ 9 Elo): a gap estimated at 0 would otherwise ask
 * for infinite information, and differences that small are not worth a clinician's hour anyway.
 */
const GAP_FLOOR = 0.05;
/** Rating intervals are aimed at 40 Elo wide; only the relative sizes matter to the choice. */
const TARGET_HALF_WIDTH = 20 / (400 / Math.LN10);

interface Contrast {
  /** c = e_i − e_j (ranking) or e_i − mean (ratings, j = −1). */
  readonly i: number;
  readonly j: number;
  /** Var(cᵀθ) allowed; deficit = Var / allowed. */
  readonly allowed: number;
  readonly label: readonly string[];
}

/**
 * Picks the comparison to hand out next in an adaptive study.
 *
 * Rule (one greedy step of a sequential optimal design; Chernoff 1959, "Sequential design of
 * experiments"; for pairwise ranking: Maystre & Grossglauser 2017, "Just sort it!", and Heckel et al.
 * 2019, "Active ranking from pairwise comparisons", which spend comparisons where the order is least
 * resolved):
 * 1. Warm-up: while some eligible model pair has fewer than `warmUpPerPair` judgements, the least
 *    judged eligible pair (judged and pending) is chosen (uniform coverage, so the first fit sees
 *    every pair).
 * 2. Otherwise fit Bradley–Terry (the app's own fit, same prior) and form its Fisher information
 *    M = prior + Σ n_ab·p_ab(1−p_ab)·(e_a−e_b)(e_a−e_b)ᵀ, covariance Σ = M⁻¹. The goal is a set of
 *    contrasts, each with the variance it may have:
 *    - ranking: θ_i − θ_j for each two models adjacent in the fitted order; settled at 95% when
 *      |gap| ≥ 1.96·sd, so allowed variance (max(|gap|, 0.05)/1.96)²;
 *    - ratings: each model's centred log-strength (its rating up to the Elo scale); allowed variance
 *      (half of a 40-Elo interval / 1.96)², the same for all, so this is the widest interval.
 * 3. For every eligible model pair, one more judgement adds information w = p(1−p) along e_a−e_b; the
 *    new variances follow from a rank-one (Sherman–Morrison) update. The pair chosen minimises the
 *    largest deficit Var/allowed (minimax, E-optimal-like: it works on the least settled adjacent
 *    order, or the widest interval), ties broken by the sum of deficits.
 * 4. Within the chosen pair, the least judged comparison (spreads judgements over prompts, which
 *    the prompt bootstrap rewards), then the queue's order.
 *
 * Pure and deterministic: same counts, pending and items → same choice. Returns null when nothing is
 * eligible. `pending` (other raters' live leases) counts as judgements to come in 1 and 3.
 */
export function chooseNextComparison<T extends AllocationItem>(
  input: AllocationInput<T>,
): AllocationChoice<T> | null {
  const { eligible } = input;
  if (eligible.length === 0) return null;
  const models = [...input.models];
  const k = models.length;
  const index = new Map(models.map((m, i) => [m, i]));
  const pairKey = (a: number, b: number) => (a < b ? a * k + b : b * k + a);

  const judgedPerPair = new Map<number, number>();
  for (const c of input.counts) {
    const a = index.get(c.modelA);
    const b = index.get(c.modelB);
    if (a === undefined || b === undefined) continue;
    const key = pairKey(a, b);
    judgedPerPair.set(key, (judgedPerPair.get(key) ?? 0) + c.n);
  }
  // Judgements to come: the rules below count them; the log reports only those made.
  const plannedPerPair = new Map(judgedPerPair);
  const pendingGames = new Float64Array(k * k);
  let anyPending = false;
  for (const p of input.pending ?? []) {
    const a = index.get(p.modelA);
    const b = index.get(p.modelB);
    if (a === undefined || b === undefined || a === b || !(p.n > 0)) continue;
    const key = pairKey(a, b);
    plannedPerPair.set(key, (plannedPerPair.get(key) ?? 0) + p.n);
    // Split evenly across the two orientations: covariance() counts games, never who won.
    pendingGames[a * k + b] = pendingGames[a * k + b]! + p.n / 2;
    pendingGames[b * k + a] = pendingGames[b * k + a]! + p.n / 2;
    anyPending = true;
  }

  // Eligible pairs, each with its best item (least judged, then first in the queue's order).
  const best = new Map<number, { index: number; a: number; b: number }>();
  eligible.forEach((item, i) => {
    const a = index.get(item.modelA);
    const b = index.get(item.modelB);
    if (a === undefined || b === undefined || a === b) {
      throw new RangeError(`eligible item ${item.modelA} vs ${item.modelB} is not a pair of study models`);
    }
    const key = pairKey(a, b);
    const current = best.get(key);
    if (!current || (item.judged ?? 0) < (eligible[current.index]!.judged ?? 0)) {
      best.set(key, { index: i, a, b });
    }
  });
  const pairs = [...best.entries()].sort((x, y) => x[0] - y[0]);
  const choice = (key: number, reason: Omit<AllocationReason, "pair" | "pairJudgements">) => {
    const picked = best.get(key)!;
    const item = eligible[picked.index]!;
    return {
      item,
      index: picked.index,
      reason: {
        ...reason,
        pair: [item.modelA, item.modelB] as const,
        pairJudgements: judgedPerPair.get(key) ?? 0,
      },
    };
  };

  if (pairs.length === 1) return choice(pairs[0]![0], { rule: "single" });

  const warmUp = input.warmUpPerPair ?? 10;
  let leastKey = pairs[0]![0];
  for (const [key] of pairs) {
    if ((plannedPerPair.get(key) ?? 0) < (plannedPerPair.get(leastKey) ?? 0)) leastKey = key;
  }
  if ((plannedPerPair.get(leastKey) ?? 0) < warmUp) return choice(leastKey, { rule: "warm-up" });

  let total = 0;
  for (const n of plannedPerPair.values()) total += n;
  const floor = ((input.coverageFloor ?? 0.3) * total) / pairs.length;
  if ((plannedPerPair.get(leastKey) ?? 0) < floor) return choice(leastKey, { rule: "floor" });

  const settings = resolveFitSettings({ priorGames: input.priorGames ?? 1 });
  const wins = winsMatrix(models, input.counts);
  const theta = new Float64Array(k);
  fitLogStrengthsInPlace(k, wins, theta, settings);
  const games = anyPending ? wins.map((w, i) => w + pendingGames[i]!) : wins;
  const sigma = covariance(k, games, theta, settings.priorGames);

  const contrasts = goalContrasts(input.goal, models, theta);
  const variance = contrasts.map((c) => contrastVariance(k, sigma, c));
  const s = new Float64Array(k);
  let chosen = leastKey;
  let chosenMax = Infinity;
  let chosenSum = Infinity;
  let chosenTarget = contrasts[0]!;
  for (const [key, { a, b }] of pairs) {
    const p = logistic(theta[a]! - theta[b]!);
    const w = p * (1 - p);
    for (let r = 0; r < k; r++) s[r] = sigma[r * k + a]! - sigma[r * k + b]!;
    const shrink = w / (1 + w * (s[a]! - s[b]!));
    let sMean = 0;
    for (let r = 0; r < k; r++) sMean += s[r]! / k;
    let max = -Infinity;
    let sum = 0;
    let target = contrasts[0]!;
    for (let n = 0; n < contrasts.length; n++) {
      const c = contrasts[n]!;
      const cs = s[c.i]! - (c.j >= 0 ? s[c.j]! : sMean);
      const deficit = (variance[n]! - shrink * cs * cs) / c.allowed;
      sum += deficit;
      if (deficit > max) {
        max = deficit;
        target = c;
      }
    }
    // Relative tolerance: equal objectives must not be split by rounding.
    if (max < chosenMax * (1 - 1e-12) || (max <= chosenMax * (1 + 1e-12) && sum < chosenSum)) {
      chosen = key;
      chosenMax = max;
      chosenSum = sum;
      chosenTarget = target;
    }
  }
  return choice(chosen, { rule: input.goal, target: chosenTarget.label, deficit: chosenMax });
}

function logistic(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/**
 * Inverse Fisher information of the penalised fit at θ (k×k): the prior's virtual games against the
 * reference player keep it invertible even for models with no games.
 */
export function covariance(k: number, wins: Float64Array, theta: Float64Array, prior: number): Float64Array {
  const info = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    if (prior > 0) {
      const s = logistic(theta[i]!);
      info[i * k + i] = info[i * k + i]! + prior * s * (1 - s);
    }
    for (let j = i + 1; j < k; j++) {
      const games = wins[i * k + j]! + wins[j * k + i]!;
      if (games === 0) continue;
      const p = logistic(theta[i]! - theta[j]!);
      const h = games * p * (1 - p);
      info[i * k + i] = info[i * k + i]! + h;
      info[j * k + j] = info[j * k + j]! + h;
      info[i * k + j] = info[i * k + j]! - h;
      info[j * k + i] = info[j * k + i]! - h;
    }
  }
  // Without a prior the information is singular along the common shift; a tiny ridge fixes the
  // level without changing any contrast the rule looks at.
  if (!(prior > 0)) for (let i = 0; i < k; i++) info[i * k + i] = info[i * k + i]! + 1e-9;
  const out = new Float64Array(k * k);
  const column = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    // choleskySolveInPlace factors its matrix in place, so each column gets a fresh copy; at k ≈ 10
    // that costs nothing worth a second solver.
    const factor = info.slice();
    column.fill(0);
    column[c] = 1;
    if (!choleskySolveInPlace(k, factor, column)) throw new RangeError("Fisher information is singular");
    for (let r = 0; r < k; r++) out[r * k + c] = column[r]!;
  }
  return out;
}

function goalContrasts(goal: TAllocationGoal, models: readonly string[], theta: Float64Array): Contrast[] {
  const k = models.length;
  if (goal === "ratings") {
    const allowed = (TARGET_HALF_WIDTH / Z95) ** 2;
    return models.map((m, i) => ({ i, j: -1, allowed, label: [m] }));
  }
  const order = models.map((_, i) => i).sort((x, y) => theta[y]! - theta[x]! || x - y);
  const out: Contrast[] = [];
  for (let r = 0; r + 1 < k; r++) {
    const i = order[r]!;
    const j = order[r + 1]!;
    const gap = Math.max(Math.abs(theta[i]! - theta[j]!), GAP_FLOOR);
    out.push({ i, j, allowed: (gap / Z95) ** 2, label: [models[i]!, models[j]!] });
  }
  return out;
}

function contrastVariance(k: number, sigma: Float64Array, c: Contrast): number {
  if (c.j >= 0) return sigma[c.i * k + c.i]! + sigma[c.j * k + c.j]! - 2 * sigma[c.i * k + c.j]!;
  // Var(θ_i − mean θ) = Σ_ii − 2·mean_r Σ_ir + mean_rs Σ_rs.
  let row = 0;
  let all = 0;
  for (let r = 0; r < k; r++) {
    row += sigma[c.i * k + r]!;
    for (let t = 0; t < k; t++) all += sigma[r * k + t]!;
  }
  return sigma[c.i * k + c.i]! - (2 * row) / k + all / (k * k);
}

import { modelComparator, type PairCounts } from "./pair-counts";

export interface BradleyTerryOptions {
  /**
   * Prior strength, in virtual games. Each model plays this many drawn games (half a win, half a
   * loss) against a fixed reference player of strength 1 (log-strength 0). This is a proper prior on
   * each log-strength, centred on the reference, so a model that won (or lost) every real game still
   * gets a finite rating and a model with no games stays at the reference's level. Default 1, which
   * moves ratings only slightly once a model has a few dozen judgements; set 0 for the plain maximum-likelihood
   * fit, which only exists when the "beat" graph is strongly connected.
   */
  readonly priorGames?: number;
  /** Newton steps allowed. Default 100. */
  readonly maxIterations?: number;
  /** Stop when no log-strength moves by more than this in a step (1e-10 ≈ 2e-8 Elo). Default 1e-10. */
  readonly tolerance?: number;
}

export interface ModelRating {
  readonly model: string;
  /** Elo scale: 400·log10(strength), shifted so the mean over models is 1000. */
  readonly rating: number;
}

export interface BradleyTerryFit {
  /** In model order (canonical unless `models` was given). */
  readonly ratings: readonly ModelRating[];
  readonly iterations: number;
  readonly converged: boolean;
}

export interface FitSettings {
  readonly priorGames: number;
  readonly maxIterations: number;
  readonly tolerance: number;
}

export function resolveFitSettings(options: BradleyTerryOptions = {}): FitSettings {
  const settings = {
    priorGames: options.priorGames ?? 1,
    maxIterations: options.maxIterations ?? 100,
    tolerance: options.tolerance ?? 1e-10,
  };
  if (!(settings.priorGames >= 0) || !Number.isFinite(settings.priorGames)) {
    throw new RangeError(`priorGames must be a finite number ≥ 0, got ${settings.priorGames}`);
  }
  if (!Number.isInteger(settings.maxIterations) || settings.maxIterations < 1) {
    throw new RangeError(`maxIterations must be a positive integer`);
  }
  if (!(settings.tolerance > 0)) throw new RangeError(`tolerance must be positive`);
  return settings;
}

export const ELO_SCALE = 400 / Math.LN10;
export const ELO_CENTRE = 1000;

/**
 * Whether the unpenalised maximum-likelihood strengths exist (Hunter 2004, assumption 1): for every
 * split of the models into two groups, someone in each group beat someone in the other. Equivalent
 * to the directed "i beat j" graph being strongly connected. `wins` is k×k row-major.
 */
export function maximumLikelihoodExists(k: number, wins: Float64Array): boolean {
  if (k <= 1) return true;
  const reaches = (forward: boolean): boolean => {
    const seen = new Uint8Array(k);
    const stack = [0];
    seen[0] = 1;
    let count = 1;
    while (stack.length > 0) {
      const i = stack.pop() as number;
      for (let j = 0; j < k; j++) {
        if (seen[j] || j === i) continue;
        const w = forward ? wins[i * k + j]! : wins[j * k + i]!;
        if (w > 0) {
          seen[j] = 1;
          count++;
          stack.push(j);
        }
      }
    }
    return count === k;
  };
  return reaches(true) && reaches(false);
}

function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Penalised log-likelihood in log-strengths θ; the prior's reference player sits at θ = 0. */
function logLikelihood(k: number, wins: Float64Array, theta: Float64Array, prior: number): number {
  let total = 0;
  for (let i = 0; i < k; i++) {
    const ti = theta[i]!;
    if (prior > 0) total += (prior / 2) * ti - prior * softplus(ti);
    for (let j = i + 1; j < k; j++) {
      const wij = wins[i * k + j]!;
      const wji = wins[j * k + i]!;
      if (wij + wji === 0) continue;
      const d = ti - theta[j]!;
      // log σ(d) = −softplus(−d): stable for the large gaps unbeaten models produce.
      total -= wij * softplus(-d) + wji * softplus(d);
    }
  }
  return total;
}

/** Solves A x = b in place (b becomes x) for symmetric positive definite A (m×m, row-major). */
export function choleskySolveInPlace(m: number, a: Float64Array, b: Float64Array): boolean {
  for (let j = 0; j < m; j++) {
    let diagonal = a[j * m + j]!;
    for (let p = 0; p < j; p++) diagonal -= a[j * m + p]! ** 2;
    if (!(diagonal > 0)) return false;
    const root = Math.sqrt(diagonal);
    a[j * m + j] = root;
    for (let i = j + 1; i < m; i++) {
      let sum = a[i * m + j]!;
      for (let p = 0; p < j; p++) sum -= a[i * m + p]! * a[j * m + p]!;
      a[i * m + j] = sum / root;
    }
  }
  for (let i = 0; i < m; i++) {
    let sum = b[i]!;
    for (let p = 0; p < i; p++) sum -= a[i * m + p]! * b[p]!;
    b[i] = sum / a[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let sum = b[i]!;
    for (let p = i + 1; p < m; p++) sum -= a[p * m + i]! * b[p]!;
    b[i] = sum / a[i * m + i]!;
  }
  return true;
}

/**
 * Maximum (penalised) likelihood log-strengths θ by damped Newton, in place. `wins[i*k + j]` holds
 * i's wins over j with draws already split in half; `theta` is the start (warm start) and receives
 * the result.
 *
 * Newton rather than Hunter's MM: with a weak prior the overall level of θ is pinned only by a
 * handful of virtual games against thousands of real ones, and MM then crawls along that direction
 * for thousands of sweeps. The objective is concave, so Newton with step halving converges from
 * any start, typically in 3–6 steps from a warm start. Without a prior the likelihood is
 * shift-invariant, so the last model is held fixed during the solve and θ is re-centred after.
 */
export function fitLogStrengthsInPlace(
  k: number,
  wins: Float64Array,
  theta: Float64Array,
  settings: FitSettings,
): { iterations: number; converged: boolean } {
  const prior = settings.priorGames;
  const m = prior > 0 ? k : k - 1;
  if (m <= 0) return { iterations: 0, converged: true };
  const hessian = new Float64Array(m * m);
  const step = new Float64Array(m);
  const trial = new Float64Array(k);
  let current = logLikelihood(k, wins, theta, prior);

  for (let iteration = 1; iteration <= settings.maxIterations; iteration++) {
    hessian.fill(0);
    step.fill(0);
    // Gradient into `step`, negative Hessian (information matrix) into `hessian`.
    for (let i = 0; i < k; i++) {
      const ti = theta[i]!;
      if (prior > 0) {
        const s = logistic(ti);
        step[i] = step[i]! + prior / 2 - prior * s;
        hessian[i * m + i] = hessian[i * m + i]! + prior * s * (1 - s);
      }
      for (let j = i + 1; j < k; j++) {
        const wij = wins[i * k + j]!;
        const wji = wins[j * k + i]!;
        const games = wij + wji;
        if (games === 0) continue;
        const pij = logistic(ti - theta[j]!);
        const g = wij - games * pij;
        const h = games * pij * (1 - pij);
        if (i < m) {
          step[i] = step[i]! + g;
          hessian[i * m + i] = hessian[i * m + i]! + h;
        }
        if (j < m) {
          step[j] = step[j]! - g;
          hessian[j * m + j] = hessian[j * m + j]! + h;
        }
        if (i < m && j < m) {
          hessian[i * m + j] = hessian[i * m + j]! - h;
          hessian[j * m + i] = hessian[j * m + i]! - h;
        }
      }
    }
    if (!choleskySolveInPlace(m, hessian, step)) return { iterations: iteration, converged: false };

    let scale = 1;
    let next = current;
    for (let halvings = 0; halvings < 40; halvings++) {
      for (let i = 0; i < k; i++) trial[i] = theta[i]! + (i < m ? scale * step[i]! : 0);
      next = logLikelihood(k, wins, trial, prior);
      // Allow rounding-level decreases, otherwise the search stalls right at the optimum.
      if (next >= current - 1e-12 * Math.abs(current)) break;
      scale /= 2;
    }
    let largestMove = 0;
    for (let i = 0; i < m; i++) largestMove = Math.max(largestMove, Math.abs(scale * step[i]!));
    theta.set(trial);
    current = next;
    if (!Number.isFinite(largestMove)) return { iterations: iteration, converged: false };
    if (largestMove < settings.tolerance) {
      if (prior === 0) {
        let mean = 0;
        for (let i = 0; i < k; i++) mean += theta[i]! / k;
        for (let i = 0; i < k; i++) theta[i] = theta[i]! - mean;
      }
      return { iterations: iteration, converged: true };
    }
  }
  return { iterations: settings.maxIterations, converged: false };
}

/** Elo-scale ratings centred on 1000, written into `out`. */
export function logStrengthsToRatings(
  theta: Float64Array,
  out: Float64Array = new Float64Array(theta.length),
): Float64Array {
  const k = theta.length;
  let mean = 0;
  for (let i = 0; i < k; i++) mean += theta[i]! / k;
  for (let i = 0; i < k; i++) out[i] = ELO_SCALE * (theta[i]! - mean) + ELO_CENTRE;
  return out;
}

/** Splits pair counts into a k×k wins matrix; ties and both-bad count half a win for each side. */
export function winsMatrix(models: readonly string[], counts: readonly PairCounts[]): Float64Array {
  const k = models.length;
  const index = new Map(models.map((model, i) => [model, i]));
  const wins = new Float64Array(k * k);
  for (const pair of counts) {
    const a = index.get(pair.modelA);
    const b = index.get(pair.modelB);
    if (a === undefined || b === undefined) {
      throw new RangeError(`pair ${pair.modelA} vs ${pair.modelB} uses a model not in the model list`);
    }
    if (a === b) throw new RangeError(`a pair needs two different models, got ${pair.modelA} twice`);
    const half = (pair.ties + pair.bothBad) / 2;
    wins[a * k + b] = wins[a * k + b]! + pair.winsA + half;
    wins[b * k + a] = wins[b * k + a]! + pair.winsB + half;
  }
  return wins;
}

/** Models in canonical order: those in `modelOrder` first, the rest by code point. */
export function collectModels(
  pairs: Iterable<{ readonly modelA: string; readonly modelB: string }>,
  modelOrder?: readonly string[],
): string[] {
  const models = new Set<string>();
  for (const pair of pairs) {
    models.add(pair.modelA);
    models.add(pair.modelB);
  }
  return [...models].sort(modelComparator(modelOrder));
}

/**
 * Bradley–Terry ratings from pair counts, on the Elo scale (mean 1000). Ties and both-bad count as
 * half a win and half a loss: both say "neither is better", and dropping them would overstate gaps.
 *
 * @param options.models rating order and extra models with no games (they get the prior's 1000).
 * @throws RangeError when the prior is off and the maximum-likelihood ratings do not exist.
 */
export function fitBradleyTerry(
  counts: readonly PairCounts[],
  options: BradleyTerryOptions & { readonly models?: readonly string[] } = {},
): BradleyTerryFit {
  const settings = resolveFitSettings(options);
  const models = options.models ? [...options.models] : collectModels(counts);
  if (new Set(models).size !== models.length) throw new RangeError("models must be unique");
  const k = models.length;
  const wins = winsMatrix(models, counts);
  if (settings.priorGames === 0 && !maximumLikelihoodExists(k, wins)) {
    throw new RangeError(
      "Bradley–Terry maximum-likelihood ratings do not exist: some group of models never lost (or never won) " +
        "against the rest. Use priorGames > 0.",
    );
  }
  const theta = new Float64Array(k);
  const { iterations, converged } = fitLogStrengthsInPlace(k, wins, theta, settings);
  const ratings = logStrengthsToRatings(theta);
  return {
    ratings: models.map((model, i) => ({ model, rating: ratings[i]! })),
    iterations,
    converged,
  };
}

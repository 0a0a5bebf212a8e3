import { createRandom, type Seed } from "./create-random";
import { assertNonNegativeInteger, assertUniqueIds } from "./validate";

/**
 * Draws `size` distinct ids uniformly at random without replacement.
 *
 * Reproducibility contract: the result depends on the seed AND on the order of `ids`. Callers must
 * pass ids in a stable order (e.g. sorted by primary key), not in whatever order a database query
 * happened to return them, or re-running an audit with the recorded seed will pick different rows.
 *
 * A `size` larger than the population returns every id (in shuffled order) rather than throwing,
 * because "audit 50 items" on a 30-item batch should simply audit all of them.
 */
export function simpleRandomSample(ids: readonly string[], size: number, seed: Seed): string[] {
  assertNonNegativeInteger(size, "size");
  assertUniqueIds(ids);
  return createRandom(seed).sample(ids, size);
}

/**
 * Sample size for auditing a fraction of a population, rounded up so that any non-zero fraction of a
 * non-empty population audits at least one item.
 */
export function sampleSizeFromFraction(populationSize: number, fraction: number): number {
  assertNonNegativeInteger(populationSize, "populationSize");
  if (!Number.isFinite(fraction) || fraction < 0 || fraction > 1) {
    throw new RangeError(`fraction must be in [0, 1], got ${fraction}`);
  }
  const raw = populationSize * fraction;
  // 0.1 * 30 is 3.0000000000000004 in binary floating point; without the tolerance ceil gives 4.
  const size = Math.ceil(raw - 1e-9);
  return Math.min(populationSize, Math.max(0, size));
}

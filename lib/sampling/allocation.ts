import { assertNonNegativeInteger } from "./validate";

export interface StratumPopulation {
  stratum: string;
  population: number;
}

export interface StratumAllocation extends StratumPopulation {
  allocated: number;
}

/**
 * Proportional allocation of `size` sample units across strata by largest remainder (Hamilton),
 * so the allocations always sum to exactly `size` (capped at the total population).
 *
 * When `size` is at least the number of non-empty strata, every non-empty stratum gets at least one
 * unit: a stratum with no sampled items has no estimate at all, which would make a stratified
 * estimate impossible. Strata whose proportional quota falls below one are fixed at one and the
 * rest is re-apportioned among the others. When `size` is smaller, plain Hamilton applies and some
 * strata get zero.
 *
 * Remainder ties go to the larger stratum, then to the lexicographically smaller stratum name, so
 * the result does not depend on input order.
 */
export function allocateProportional(
  strata: readonly StratumPopulation[],
  size: number,
): StratumAllocation[] {
  assertNonNegativeInteger(size, "size");
  const seen = new Set<string>();
  let total = 0;
  for (const { stratum, population } of strata) {
    assertNonNegativeInteger(population, `population of stratum ${stratum}`);
    if (seen.has(stratum)) throw new Error(`duplicate stratum: ${stratum}`);
    seen.add(stratum);
    total += population;
  }

  const target = Math.min(size, total);
  const allocated = new Map<string, number>();
  let free = strata.filter((s) => s.population > 0);
  const minimum = target >= free.length ? 1 : 0;
  let remaining = target;

  // Terminates: each pass either fixes at least one stratum or finishes. Fixing a below-minimum
  // stratum keeps remaining <= free population, so no quota can exceed its stratum's population.
  while (free.length > 0) {
    const freePopulation = free.reduce((acc, s) => acc + s.population, 0);
    const below = free.filter((s) => remaining * s.population < minimum * freePopulation);
    if (below.length > 0) {
      for (const s of below) allocated.set(s.stratum, minimum);
      remaining -= below.length * minimum;
      free = free.filter((s) => !below.includes(s));
      continue;
    }

    // Integer arithmetic keeps quotas exact: quota = numerator / freePopulation.
    const parts = free.map((s) => {
      const numerator = remaining * s.population;
      const remainder = numerator % freePopulation;
      return { s, floor: (numerator - remainder) / freePopulation, remainder };
    });
    let leftover = remaining - parts.reduce((acc, p) => acc + p.floor, 0);
    parts.sort(
      (a, b) =>
        b.remainder - a.remainder ||
        b.s.population - a.s.population ||
        (a.s.stratum < b.s.stratum ? -1 : a.s.stratum > b.s.stratum ? 1 : 0),
    );
    for (const p of parts) {
      const bonus = leftover > 0 ? 1 : 0;
      leftover -= bonus;
      allocated.set(p.s.stratum, p.floor + bonus);
    }
    break;
  }

  return strata.map((s) => ({ ...s, allocated: allocated.get(s.stratum) ?? 0 }));
}

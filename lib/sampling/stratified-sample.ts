import { allocateProportional } from "./allocation";
import { createRandom, type Seed } from "./create-random";
import { assertNonNegativeInteger, assertUniqueIds } from "./validate";

export interface StratifiedItem {
  id: string;
  stratum: string;
}

export interface StratumSummary {
  stratum: string;
  population: number;
  sampled: number;
}

export interface StratifiedSampleResult {
  sample: StratifiedItem[];
  /** Sorted by stratum name; feed population/sampled (plus observed successes) to stratifiedProportion. */
  strata: StratumSummary[];
}

/**
 * Stratified random sample with proportional allocation (see allocateProportional), drawing within
 * each stratum by partial Fisher–Yates.
 *
 * Each stratum uses its own stream derived from (seed, stratum name), so adding items to one
 * stratum does not reshuffle the picks in the others. As with simpleRandomSample, the result also
 * depends on the order of items within a stratum: pass them in a stable order.
 */
export function stratifiedSample(
  items: readonly StratifiedItem[],
  size: number,
  seed: Seed,
): StratifiedSampleResult {
  assertNonNegativeInteger(size, "size");
  assertUniqueIds(items.map((item) => item.id));

  const byStratum = new Map<string, StratifiedItem[]>();
  for (const item of items) {
    const members = byStratum.get(item.stratum);
    if (members) members.push(item);
    else byStratum.set(item.stratum, [item]);
  }
  const names = [...byStratum.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const allocation = allocateProportional(
    names.map((stratum) => ({ stratum, population: byStratum.get(stratum)?.length ?? 0 })),
    size,
  );

  const sample: StratifiedItem[] = [];
  const strata: StratumSummary[] = [];
  for (const { stratum, population, allocated } of allocation) {
    const members = byStratum.get(stratum) ?? [];
    // NUL cannot appear in a typed seed, so (seed, stratum) pairs cannot collide by concatenation.
    const random = createRandom(`${String(seed)}\u0000${stratum}`);
    sample.push(...random.sample(members, allocated));
    strata.push({ stratum, population, sampled: allocated });
  }
  return { sample, strata };
}

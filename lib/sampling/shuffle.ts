import type { TRng } from "@/lib/random";

/**
 * The first `size` elements of a uniformly random permutation: `rng.sample`, kept under this name
 * for lib/queue's existing import.
 */
export function partialShuffle<T>(items: readonly T[], size: number, random: TRng): T[] {
  return random.sample(items, size);
}

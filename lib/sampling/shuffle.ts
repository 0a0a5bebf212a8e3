import type { Random } from "./random";

/**
 * The first `size` elements of a uniformly random permutation (partial Fisher–Yates).
 * Only `size` swaps are made, so drawing 50 records from 100,000 stays cheap.
 */
export function partialShuffle<T>(items: readonly T[], size: number, random: Random): T[] {
  const pool = items.slice();
  const take = Math.min(size, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + random.nextInt(pool.length - i);
    const picked = pool[j] as T;
    pool[j] = pool[i] as T;
    pool[i] = picked;
  }
  pool.length = take;
  return pool;
}

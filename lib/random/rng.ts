import { hashSeed, mulberry32 } from "./mulberry32";
import { xoshiro128, xoshiroStateFromSeed, type TXoshiroState } from "./xoshiro128";

export type TSeed = string | number;

/**
 * Which stream. Not a free choice: a stored seed must be replayed with the algorithm its record was
 * drawn with, or an audit would re-derive a different sample. "mulberry32": audit campaign samples,
 * queue order and generated fixtures. "xoshiro128**": studies (attention checks, degraded outputs,
 * repeats) and the statistics (bootstrap, synthetic data). New uses pick "xoshiro128**".
 */
export type TRngAlgorithm = "mulberry32" | "xoshiro128**";

/** A seeded generator: the one PRNG of the app (Math.random cannot be seeded). */
export interface TRng {
  readonly algorithm: TRngAlgorithm;
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1): 53 random bits with xoshiro128**, 32 with mulberry32 (as first drawn). */
  nextFloat(): number;
  /** Uniform integer in [0, maxExclusive), without modulo bias; maxExclusive an integer in [1, 2^32]. */
  nextInt(maxExclusive: number): number;
  /** A shuffled copy (Fisher–Yates); the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[];
  /** `size` distinct items (all if fewer) in random order, with only `size` swaps: drawing 50 of 100,000 stays cheap. */
  sample<T>(items: readonly T[], size: number): T[];
}

const TWO_POW_32 = 4294967296;

/**
 * Partial Fisher–Yates. Both walks are uniform; which one a stream uses is part of what its stored
 * seeds mean (mulberry32 samples were drawn front to back, xoshiro128** shuffles back to front).
 */
function fisherYates<T>(
  items: readonly T[],
  size: number,
  nextInt: (n: number) => number,
  walk: "front" | "back",
): T[] {
  const pool = items.slice();
  const n = pool.length;
  const take = Math.min(size, n);
  const swap = (i: number, j: number) => {
    const picked = pool[j] as T;
    pool[j] = pool[i] as T;
    pool[i] = picked;
  };
  if (walk === "front") {
    for (let i = 0; i < take; i++) swap(i, i + nextInt(n - i));
    pool.length = take;
    return pool;
  }
  for (let i = n - 1; i >= n - take && i > 0; i--) swap(i, nextInt(i + 1));
  return pool.slice(n - take);
}

function fromWords(algorithm: TRngAlgorithm, nextUint32: () => number): TRng {
  const nextInt = (maxExclusive: number): number => {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_32) {
      throw new RangeError(`maxExclusive must be an integer in [1, 2^32], got ${maxExclusive}`);
    }
    // Rejecting the top partial block keeps every residue equally likely (a plain modulo would
    // favour small values, i.e. bias which records get audited).
    const limit = TWO_POW_32 - (TWO_POW_32 % maxExclusive);
    let u = nextUint32();
    while (u >= limit) u = nextUint32();
    return u % maxExclusive;
  };
  const walk = algorithm === "mulberry32" ? "front" : "back";
  return {
    algorithm,
    nextUint32,
    nextInt,
    nextFloat:
      algorithm === "mulberry32"
        ? () => nextUint32() / TWO_POW_32
        : () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
    shuffle: (items) => fisherYates(items, items.length, nextInt, walk),
    sample: (items, size) => {
      if (!Number.isInteger(size) || size < 0)
        throw new RangeError(`size must be a non-negative integer, got ${size}`);
      return fisherYates(items, size, nextInt, walk);
    },
  };
}

/** The generator for a seed, on the stream its record was (or will be) drawn with. */
export function createRng(seed: TSeed, algorithm: TRngAlgorithm): TRng {
  return algorithm === "mulberry32"
    ? rngFromMulberry32State(hashSeed(seed))
    : rngFromXoshiroState(xoshiroStateFromSeed(seed));
}

/** mulberry32 from a raw 32-bit state, unhashed: how the PHI corpus and bench fixtures were seeded. */
export function rngFromMulberry32State(state: number): TRng {
  return fromWords("mulberry32", mulberry32(state));
}

/** xoshiro128** from an explicit state (to check against the reference algorithm). */
export function rngFromXoshiroState(state: TXoshiroState): TRng {
  return fromWords("xoshiro128**", xoshiro128(state));
}

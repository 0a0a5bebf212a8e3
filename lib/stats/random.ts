/**
 * Seedable xoshiro128** generator. Math.random cannot be seeded, and reproducible bootstrap
 * intervals / sampling plans need the same seed to give the same stream on every platform.
 */
export interface Rng {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** Uniform integer in [0, maxExclusive), without modulo bias. */
  nextInt(maxExclusive: number): number;
  /** A shuffled copy (Fisher–Yates); the input is left untouched. */
  shuffle<T>(items: readonly T[]): T[];
}

export type RngState = readonly [number, number, number, number];

const TWO_POW_32 = 4294967296;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Generator continuing from an explicit xoshiro128** state (mainly to check against the reference algorithm). */
export function createRngFromState(state: RngState): Rng {
  let [s0, s1, s2, s3] = state.map((v) => v >>> 0) as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0) {
    // The all-zero state is a fixed point of xoshiro: it would emit zeros forever.
    throw new RangeError("xoshiro128** state must not be all zero");
  }

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };

  const nextInt = (maxExclusive: number): number => {
    if (!Number.isInteger(maxExclusive) || maxExclusive <= 0 || maxExclusive > TWO_POW_32) {
      throw new RangeError(`nextInt bound must be an integer in [1, 2^32], got ${maxExclusive}`);
    }
    // Rejecting the top partial block keeps every residue equally likely.
    const limit = TWO_POW_32 - (TWO_POW_32 % maxExclusive);
    let u = nextUint32();
    while (u >= limit) u = nextUint32();
    return u % maxExclusive;
  };

  return {
    nextUint32,
    nextInt,
    nextFloat: () => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992,
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = nextInt(i + 1);
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
  };
}

function hashString(text: string): number {
  // FNV-1a: lets callers seed with a study id without inventing numbers.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Generator for a seed (integer or string). The seed goes through splitmix32 so that nearby seeds
 * (1, 2, 3…) still start from unrelated, non-zero states.
 */
export function createRng(seed: number | string): Rng {
  let x: number;
  if (typeof seed === "string") {
    x = hashString(seed);
  } else {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
    // Fold the high bits in so seeds differing only above 2^32 still differ.
    x = (seed >>> 0) ^ Math.imul(Math.floor(seed / TWO_POW_32) >>> 0, 0x9e3779b9);
  }
  const splitmix32 = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state: [number, number, number, number] = [splitmix32(), splitmix32(), splitmix32(), splitmix32()];
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return createRngFromState(state);
}

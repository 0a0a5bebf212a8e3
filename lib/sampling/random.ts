/**
 * Small seedable PRNG for reproducible audit samples.
 *
 * mulberry32 is used because it is tiny, fast, passes the usual statistical smoke tests for
 * sampling purposes, and — unlike Math.random — gives the same stream on every JS engine, so an
 * audit sample can be re-derived later from its recorded seed.
 */

export type Seed = string | number;

export interface Random {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [0, maxExclusive); maxExclusive must be an integer in [1, 2^32]. */
  nextInt(maxExclusive: number): number;
}

const TWO_POW_32 = 4294967296;

/**
 * Hashes a seed to 32 bits. Numbers go through String() so that 42 and "42" name the same sample —
 * seeds are usually stored as text alongside the audit campaign.
 */
export function hashSeed(seed: Seed): number {
  const text = String(seed);
  // FNV-1a over UTF-16 code units, then murmur3's finaliser so that similar seeds ("a1", "a2")
  // start mulberry32 from well-separated states.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function createRandom(seed: Seed): Random {
  let state = hashSeed(seed);

  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };

  const nextInt = (maxExclusive: number): number => {
    if (!Number.isInteger(maxExclusive) || maxExclusive < 1 || maxExclusive > TWO_POW_32) {
      throw new RangeError(`maxExclusive must be an integer in [1, 2^32], got ${maxExclusive}`);
    }
    // Rejection sampling: a plain modulo would favour small values whenever 2^32 is not a multiple
    // of maxExclusive, which biases which records get audited.
    const limit = TWO_POW_32 - (TWO_POW_32 % maxExclusive);
    for (;;) {
      const value = nextUint32();
      if (value < limit) return value % maxExclusive;
    }
  };

  return {
    nextUint32,
    next: () => nextUint32() / TWO_POW_32,
    nextInt,
  };
}

/**
 * xoshiro128** (Blackman & Vigna). Studies (attention-check picks, degraded outputs, repeat draws)
 * and the statistics' bootstrap were drawn with it, so its arithmetic must never change.
 */
export type TXoshiroState = readonly [number, number, number, number];

const TWO_POW_32 = 4294967296;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

export function xoshiro128(state: TXoshiroState): () => number {
  let [s0, s1, s2, s3] = state.map((v) => v >>> 0) as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0) {
    // The all-zero state is a fixed point of xoshiro: it would emit zeros forever.
    throw new RangeError("xoshiro128** state must not be all zero");
  }
  return () => {
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
}

/**
 * A seed as xoshiro's start state: strings through FNV-1a (so a study id can be the seed), numbers
 * with their high bits folded in, then splitmix32 so nearby seeds start from unrelated states.
 */
export function xoshiroStateFromSeed(seed: string | number): TXoshiroState {
  let x: number;
  if (typeof seed === "string") {
    x = 0x811c9dc5;
    for (let i = 0; i < seed.length; i++) {
      x ^= seed.charCodeAt(i);
      x = Math.imul(x, 0x01000193);
    }
    x >>>= 0;
  } else {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
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
  return state;
}

/**
 * Bit-parallel LCS length (Allison–Dix as reformulated by Hyyrö, 2004) over integer token ids.
 *
 * The pattern is preprocessed once into per-token match bitmasks; each text token then costs
 * O(ceil(m / 32)) word operations instead of O(m) DP cells. That is what makes scoring one query
 * against thousands of seeds cheap: the pattern is the query, every seed is a text.
 *
 * Recurrence per text token t with match mask M = PM[t] and state V (initially all ones):
 *   V' = (V + (V & M)) | (V & ~M)
 * and the LCS length is the number of zero bits among the low m bits of V.
 */
export type LcsLength = (text: ArrayLike<number>) => number;

export function createLcsMatcher(pattern: ArrayLike<number>): LcsLength {
  const m = pattern.length;
  if (m === 0) return () => 0;
  return m <= 32 ? singleWordMatcher(pattern) : multiWordMatcher(pattern);
}

function singleWordMatcher(pattern: ArrayLike<number>): LcsLength {
  const m = pattern.length;
  const masks = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const token = pattern[i] ?? 0;
    masks.set(token, (masks.get(token) ?? 0) | (1 << i));
  }
  const live = m === 32 ? -1 : (1 << m) - 1;
  return (text) => {
    let v = -1;
    for (let j = 0; j < text.length; j++) {
      const mask = masks.get(text[j] ?? 0);
      // A token absent from the pattern leaves V unchanged, so skipping it is exact.
      if (mask === undefined) continue;
      // JS numbers hold the 33-bit sum; `|` truncates it back to 32 bits, dropping the carry-out.
      v = (v + (v & mask)) | (v & ~mask);
    }
    return popcount32(~v & live);
  };
}

function multiWordMatcher(pattern: ArrayLike<number>): LcsLength {
  const m = pattern.length;
  const words = (m + 31) >>> 5;
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < m; i++) {
    const token = pattern[i] ?? 0;
    let mask = masks.get(token);
    if (!mask) {
      mask = new Uint32Array(words);
      masks.set(token, mask);
    }
    mask[i >>> 5] = (mask[i >>> 5] ?? 0) | (1 << (i & 31));
  }
  const v = new Uint32Array(words);
  const tailBits = m & 31;
  const lastLive = tailBits === 0 ? 0xffffffff : (1 << tailBits) - 1;

  return (text) => {
    v.fill(0xffffffff);
    for (let j = 0; j < text.length; j++) {
      const mask = masks.get(text[j] ?? 0);
      if (mask === undefined) continue;
      // Multi-word addition: the carry from word w feeds word w + 1.
      let carry = 0;
      for (let w = 0; w < words; w++) {
        const vw = v[w] ?? 0;
        const mw = mask[w] ?? 0;
        const sum = vw + ((vw & mw) >>> 0) + carry;
        carry = sum > 0xffffffff ? 1 : 0;
        v[w] = sum | (vw & ~mw);
      }
    }
    let zeros = 0;
    for (let w = 0; w < words; w++) {
      const live = w === words - 1 ? lastLive : 0xffffffff;
      zeros += popcount32(~(v[w] ?? 0) & live);
    }
    return zeros;
  };
}

function popcount32(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  n = (n + (n >>> 4)) & 0x0f0f0f0f;
  return Math.imul(n, 0x01010101) >>> 24;
}

/**
 * mulberry32: one 32-bit word of state. Every audit campaign and queue seed stored so far was drawn
 * with it (through `hashSeed`), and the PHI corpus and bench fixtures are regenerated from it byte
 * for byte, so its arithmetic must never change.
 */
export function mulberry32(state: number): () => number {
  let a = state | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/**
 * A seed as mulberry32's start state. Numbers go through String() so that 42 and "42" name the same
 * sample (campaign seeds are stored as text). FNV-1a over UTF-16 code units, then murmur3's
 * finaliser so that similar seeds ("a1", "a2") start from well-separated states.
 */
export function hashSeed(seed: string | number): number {
  const text = String(seed);
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

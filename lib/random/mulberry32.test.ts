import { describe, expect, it } from "vitest";
import { hashSeed } from "./mulberry32";
import { createRng, type TSeed } from "./rng";

const createRandom = (seed: TSeed) => createRng(seed, "mulberry32");

describe("hashSeed", () => {
  it("is deterministic and treats numbers like their string form", () => {
    expect(hashSeed("audit-2024")).toBe(hashSeed("audit-2024"));
    expect(hashSeed(42)).toBe(hashSeed("42"));
    expect(hashSeed("a1")).not.toBe(hashSeed("a2"));
  });

  it("returns an unsigned 32-bit integer", () => {
    for (const seed of ["", "x", "long seed with spaces", 0, -1, 3.5]) {
      const h = hashSeed(seed);
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
    }
  });
});

describe('createRng(seed, "mulberry32")', () => {
  it("replays the same stream for the same seed", () => {
    const a = createRandom("seed");
    const b = createRandom("seed");
    const xs = Array.from({ length: 20 }, () => a.nextUint32());
    const ys = Array.from({ length: 20 }, () => b.nextUint32());
    expect(xs).toEqual(ys);
  });

  it("pins the stream so stored seeds keep reproducing the same samples", () => {
    // Regression guard: changing the hash or generator silently changes every recorded sample.
    const r = createRandom("clinreview");
    expect(Array.from({ length: 3 }, () => r.nextUint32())).toMatchInlineSnapshot(`
      [
        732723084,
        117082754,
        106343446,
      ]
    `);
  });

  it("gives different streams for different seeds", () => {
    const a = createRandom(1);
    const b = createRandom(2);
    expect(Array.from({ length: 5 }, () => a.nextUint32())).not.toEqual(
      Array.from({ length: 5 }, () => b.nextUint32()),
    );
  });

  it("nextFloat() stays in [0, 1) with a plausible mean", () => {
    const r = createRandom("mean");
    let sum = 0;
    let min = 1;
    let max = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const x = r.nextFloat();
      min = Math.min(min, x);
      max = Math.max(max, x);
      sum += x;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeGreaterThan(0.49);
    expect(sum / n).toBeLessThan(0.51);
  });

  it("nextInt covers the range roughly uniformly", () => {
    const r = createRandom("buckets");
    const counts = new Array<number>(7).fill(0);
    const n = 70000;
    for (let i = 0; i < n; i++) {
      const v = r.nextInt(7);
      counts[v] = (counts[v] ?? 0) + 1;
    }
    // Chi-square with 6 df: 22.46 is the 0.999 quantile.
    const expected = n / 7;
    const chi2 = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(22.46);
  });

  it("nextInt(1) is always 0 and bad bounds throw", () => {
    const r = createRandom("x");
    expect(r.nextInt(1)).toBe(0);
    expect(() => r.nextInt(0)).toThrow(RangeError);
    expect(() => r.nextInt(2.5)).toThrow(RangeError);
    expect(() => r.nextInt(2 ** 32 + 1)).toThrow(RangeError);
    expect(r.nextInt(2 ** 32)).toBeLessThan(2 ** 32);
  });
});

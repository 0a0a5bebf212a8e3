import { describe, expect, it } from "vitest";
import { createRng as create, rngFromXoshiroState as createRngFromState, type TSeed } from "./rng";

const createRng = (seed: TSeed) => create(seed, "xoshiro128**");

describe("xoshiro128**", () => {
  it("matches the reference algorithm's output for state {1, 2, 3, 4}", () => {
    // Values from an independent Python transcription of Blackman & Vigna's xoshiro128starstar.c.
    const rng = createRngFromState([1, 2, 3, 4]);
    const out = Array.from({ length: 6 }, () => rng.nextUint32());
    expect(out).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  it("refuses the all-zero state, which would emit zeros forever", () => {
    expect(() => createRngFromState([0, 0, 0, 0])).toThrow(RangeError);
  });
});

describe('createRng(seed, "xoshiro128**")', () => {
  it("gives the same stream for the same seed and different streams for nearby seeds", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const streamA = Array.from({ length: 20 }, () => a.nextUint32());
    const streamB = Array.from({ length: 20 }, () => b.nextUint32());
    const streamC = Array.from({ length: 20 }, () => c.nextUint32());
    expect(streamA).toEqual(streamB);
    expect(streamA).not.toEqual(streamC);
    expect(new Set(streamA).size).toBe(20);
  });

  it("accepts string seeds deterministically", () => {
    expect(createRng("study-7").nextUint32()).toBe(createRng("study-7").nextUint32());
    expect(createRng("study-7").nextUint32()).not.toBe(createRng("study-8").nextUint32());
  });

  it("distinguishes seeds that differ only above 2^32", () => {
    expect(createRng(1).nextUint32()).not.toBe(createRng(1 + 2 ** 32).nextUint32());
  });

  it("rejects non-integer seeds", () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
  });

  it("nextFloat stays in [0, 1) with mean near 1/2", () => {
    const rng = createRng(1);
    let sum = 0;
    let outOfRange = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = rng.nextFloat();
      if (!(x >= 0 && x < 1)) outOfRange++;
      sum += x;
    }
    expect(outOfRange).toBe(0);
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it("nextInt is uniform over its range (chi-square well under the 0.1% critical value)", () => {
    const rng = createRng(2024);
    const bins = 7;
    const draws = 70_000;
    const counts = new Array<number>(bins).fill(0);
    let invalid = 0;
    for (let i = 0; i < draws; i++) {
      const v = rng.nextInt(bins);
      if (!(Number.isInteger(v) && v >= 0 && v < bins)) invalid++;
      counts[v] = (counts[v] ?? 0) + 1;
    }
    expect(invalid).toBe(0);
    const expected = draws / bins;
    const chiSquare = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(22.46); // χ²(6) at p = 0.001
  });

  it("nextInt rejects bounds it cannot honour", () => {
    const rng = createRng(1);
    expect(() => rng.nextInt(0)).toThrow(RangeError);
    expect(() => rng.nextInt(2.5)).toThrow(RangeError);
    expect(rng.nextInt(1)).toBe(0);
  });

  it("shuffle returns a deterministic permutation and leaves the input alone", () => {
    const input = Array.from({ length: 50 }, (_, i) => i);
    const once = createRng(9).shuffle(input);
    const again = createRng(9).shuffle(input);
    expect(once).toEqual(again);
    expect(once).not.toEqual(input);
    expect([...once].sort((a, b) => a - b)).toEqual(input);
    expect(input[0]).toBe(0);
  });
});

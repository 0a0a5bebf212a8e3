import { describe, expect, it } from "vitest";
import { sampleSizeFromFraction, simpleRandomSample } from "./simple-random-sample";

const ids = Array.from({ length: 100 }, (_, i) => `item-${String(i).padStart(3, "0")}`);

describe("simpleRandomSample", () => {
  it("returns the same sample for the same seed and input order", () => {
    expect(simpleRandomSample(ids, 10, "campaign-1")).toEqual(simpleRandomSample(ids, 10, "campaign-1"));
  });

  it("returns a different sample for a different seed", () => {
    expect(simpleRandomSample(ids, 10, "campaign-1")).not.toEqual(simpleRandomSample(ids, 10, "campaign-2"));
  });

  it("depends on input order, which is why callers must sort ids", () => {
    const reversed = [...ids].reverse();
    expect(simpleRandomSample(reversed, 10, "campaign-1")).not.toEqual(
      simpleRandomSample(ids, 10, "campaign-1"),
    );
  });

  it("draws distinct members of the population", () => {
    const sample = simpleRandomSample(ids, 40, 7);
    expect(sample).toHaveLength(40);
    expect(new Set(sample).size).toBe(40);
    for (const id of sample) expect(ids).toContain(id);
  });

  it("returns the whole population when size exceeds it, and nothing for size 0", () => {
    expect([...simpleRandomSample(ids, 500, "s")].sort()).toEqual(ids);
    expect(simpleRandomSample(ids, 0, "s")).toEqual([]);
    expect(simpleRandomSample([], 3, "s")).toEqual([]);
  });

  it("is a prefix-stable draw: a larger sample extends a smaller one with the same seed", () => {
    // Partial Fisher–Yates picks position i before i+1, so topping up an audit keeps earlier picks.
    const small = simpleRandomSample(ids, 5, "grow");
    const large = simpleRandomSample(ids, 15, "grow");
    expect(large.slice(0, 5)).toEqual(small);
  });

  it("does not mutate the input", () => {
    const copy = [...ids];
    simpleRandomSample(copy, 50, "x");
    expect(copy).toEqual(ids);
  });

  it("selects each id with probability size/N (frequency check)", () => {
    const population = ["a", "b", "c", "d", "e"];
    const counts = new Map<string, number>();
    const runs = 5000;
    for (let r = 0; r < runs; r++) {
      for (const id of simpleRandomSample(population, 2, `run-${r}`))
        counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of population) {
      const rate = (counts.get(id) ?? 0) / runs;
      expect(rate).toBeGreaterThan(0.37);
      expect(rate).toBeLessThan(0.43);
    }
  });

  it("rejects invalid sizes and duplicate ids", () => {
    expect(() => simpleRandomSample(ids, -1, "s")).toThrow(RangeError);
    expect(() => simpleRandomSample(ids, 1.5, "s")).toThrow(RangeError);
    expect(() => simpleRandomSample(["a", "b", "a"], 1, "s")).toThrow(/duplicate/);
  });
});

describe("sampleSizeFromFraction", () => {
  it("rounds up and is robust to floating-point noise", () => {
    expect(sampleSizeFromFraction(30, 0.1)).toBe(3);
    expect(sampleSizeFromFraction(1000, 0.05)).toBe(50);
    expect(sampleSizeFromFraction(101, 0.1)).toBe(11);
    expect(sampleSizeFromFraction(7, 0.01)).toBe(1);
  });

  it("handles the edges", () => {
    expect(sampleSizeFromFraction(0, 0.5)).toBe(0);
    expect(sampleSizeFromFraction(50, 0)).toBe(0);
    expect(sampleSizeFromFraction(50, 1)).toBe(50);
  });

  it("rejects invalid inputs", () => {
    expect(() => sampleSizeFromFraction(10, 1.2)).toThrow(RangeError);
    expect(() => sampleSizeFromFraction(10, -0.1)).toThrow(RangeError);
    expect(() => sampleSizeFromFraction(10, Number.NaN)).toThrow(RangeError);
    expect(() => sampleSizeFromFraction(-1, 0.5)).toThrow(RangeError);
  });
});

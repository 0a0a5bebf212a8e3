import { describe, expect, it } from "vitest";
import { percentileInterval, quantileSorted } from "./quantile";

describe("quantileSorted (type 7, as numpy.quantile)", () => {
  it("interpolates between order statistics", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileSorted([1, 2, 3, 4], 0)).toBe(1);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
    expect(quantileSorted([7], 0.3)).toBe(7);
  });

  it("returns NaN for no data and rejects q outside [0, 1]", () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
  });
});

describe("percentileInterval", () => {
  it("matches numpy.percentile(1..100, [2.5, 97.5]) and sorts unsorted input", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    const [lo, hi] = percentileInterval(values, 0.95);
    expect(lo).toBeCloseTo(3.475, 12);
    expect(hi).toBeCloseTo(97.525, 12);
  });
});

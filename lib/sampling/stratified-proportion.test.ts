import { describe, expect, it } from "vitest";
import { stratifiedProportion } from "./stratified-proportion";

describe("stratifiedProportion", () => {
  it("weights stratum rates by population share (hand-checked)", () => {
    // W = 0.6, 0.4; p = 0.1, 0.3 -> estimate 0.18.
    // var = 0.36·0.95·0.09/30 + 0.16·0.95·0.21/20 = 0.001026 + 0.001596 = 0.002622, SE = 0.051205.
    const r = stratifiedProportion([
      { population: 600, sampled: 30, successes: 3 },
      { population: 400, sampled: 20, successes: 6 },
    ]);
    expect(r.method).toBe("stratified-normal");
    expect(r.estimate).toBeCloseTo(0.18, 12);
    expect(r.standardError).toBeCloseTo(Math.sqrt(0.002622), 8);
    expect(r.lower).toBeCloseTo(0.18 - 1.959964 * 0.0512055, 5);
    expect(r.upper).toBeCloseTo(0.18 + 1.959964 * 0.0512055, 5);
  });

  it("differs from the pooled rate when strata are sampled disproportionately", () => {
    // Pooled 10/20 = 0.5, but the rare stratum is over-sampled: 0.9·0.2 + 0.1·0.8 = 0.26.
    const r = stratifiedProportion([
      { population: 900, sampled: 10, successes: 2 },
      { population: 100, sampled: 10, successes: 8 },
    ]);
    expect(r.estimate).toBeCloseTo(0.26, 12);
  });

  it("uses the Wilson interval for a single stratum", () => {
    const r = stratifiedProportion([{ population: 1e9, sampled: 10, successes: 8 }]);
    expect(r.method).toBe("wilson");
    expect(r.lower).toBeCloseTo(0.49016, 5);
    expect(r.upper).toBeCloseTo(0.94332, 5);
    expect(r.standardError).toBeCloseTo(Math.sqrt(0.016), 6);
  });

  it("ignores empty strata", () => {
    const r = stratifiedProportion([
      { population: 0, sampled: 0, successes: 0 },
      { population: 1e9, sampled: 10, successes: 8 },
    ]);
    expect(r.method).toBe("wilson");
  });

  it("falls back to Wilson when every stratum is all-or-nothing", () => {
    // 0 errors in 50 must not be reported as exactly 0 with no uncertainty.
    // Fallback: n = 50 of N = 1000, fpc = 950/999, n_eff = 52.579, upper = z²/(n_eff + z²) = 0.068086.
    const r = stratifiedProportion([
      { population: 600, sampled: 30, successes: 0 },
      { population: 400, sampled: 20, successes: 0 },
    ]);
    expect(r.method).toBe("stratified-wilson-fallback");
    expect(r.estimate).toBe(0);
    expect(r.lower).toBe(0);
    expect(r.upper).toBeCloseTo(0.068086, 5);
  });

  it("is exact for a census", () => {
    const r = stratifiedProportion([
      { population: 3, sampled: 3, successes: 1 },
      { population: 2, sampled: 2, successes: 2 },
    ]);
    expect(r.estimate).toBeCloseTo(0.6, 12);
    expect(r.lower).toBeCloseTo(0.6, 12);
    expect(r.upper).toBeCloseTo(0.6, 12);
    expect(r.standardError).toBe(0);
  });

  it("clips the interval to [0, 1]", () => {
    const r = stratifiedProportion([
      { population: 1000, sampled: 5, successes: 1 },
      { population: 1000, sampled: 5, successes: 0 },
    ]);
    expect(r.lower).toBe(0);
    expect(r.upper).toBeLessThanOrEqual(1);
  });

  it("rejects unsampled strata and impossible counts", () => {
    expect(() =>
      stratifiedProportion([
        { population: 10, sampled: 0, successes: 0 },
        { population: 10, sampled: 5, successes: 1 },
      ]),
    ).toThrow(/at least one sampled/);
    expect(() => stratifiedProportion([{ population: 5, sampled: 6, successes: 1 }])).toThrow(RangeError);
    expect(() => stratifiedProportion([{ population: 5, sampled: 2, successes: 3 }])).toThrow(RangeError);
    expect(() => stratifiedProportion([])).toThrow(RangeError);
  });
});

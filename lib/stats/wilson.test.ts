import { describe, expect, it } from "vitest";
import { decisiveShareInterval, wilsonInterval, wilsonRateInterval, Z_95 } from "./wilson";

describe("wilsonInterval", () => {
  it("reproduces the reference interval for 7/20", () => {
    const [lo, hi] = wilsonInterval(7, 20);
    expect(lo).toBeCloseTo(0.18119, 5);
    expect(hi).toBeCloseTo(0.56715, 5);
  });

  it("stays inside [0, 1] at the extremes, with the closed-form bound z²/(n + z²)", () => {
    const z = Z_95;
    const [lo, hi] = wilsonInterval(0, 10);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo((z * z) / (10 + z * z), 12);
    const [lo2, hi2] = wilsonInterval(10, 10);
    expect(hi2).toBe(1);
    expect(lo2).toBeCloseTo(1 - hi, 12);
  });

  it("narrows with a smaller z", () => {
    const [lo95, hi95] = wilsonInterval(30, 100);
    const [lo80, hi80] = wilsonInterval(30, 100, { z: 1.281552 });
    expect(hi80 - lo80).toBeLessThan(hi95 - lo95);
    expect(lo80).toBeGreaterThan(lo95);
  });

  it("returns [0, 1] without data and rejects impossible counts", () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, { z: 0 })).toThrow(RangeError);
  });
});

describe("wilsonInterval with a population (audit samples)", () => {
  it("matches the textbook Wilson interval for 8/10", () => {
    // Hand check: centre = (0.8 + 1.96²/20) / (1 + 1.96²/10) = 0.71676,
    // half-width = 1.96/1.38415 * sqrt(0.016 + 1.96²/400) = 0.22658.
    const [lower, upper] = wilsonInterval(8, 10);
    expect(lower).toBeCloseTo(0.49016, 5);
    expect(upper).toBeCloseTo(0.94332, 5);
  });

  it("is symmetric between successes and failures", () => {
    const [lowA, highA] = wilsonInterval(3, 25);
    const [lowB, highB] = wilsonInterval(22, 25);
    expect(lowA).toBeCloseTo(1 - highB, 12);
    expect(highA).toBeCloseTo(1 - lowB, 12);
  });

  it("applies the finite population correction via an effective sample size", () => {
    // n = 10 of N = 20: fpc = 10/19, effective n = 19, so this equals plain Wilson with n = 19, p = 0.8.
    // Exact values are what lib/sampling's own Wilson interval gave before the two were merged.
    expect(wilsonInterval(8, 10, { population: 20 })).toEqual([0.5779238027970972, 0.9211686627713331]);
    expect(wilsonInterval(0, 20, { population: 1000 })).toEqual([0, 0.15854657245357753]);
    // A huge population is indistinguishable from no correction.
    expect(wilsonInterval(8, 10, { population: 1e9 })[0]).toBeCloseTo(0.49016, 5);
  });

  it("collapses to the observed rate for a census", () => {
    expect(wilsonInterval(3, 12, { population: 12 })).toEqual([0.25, 0.25]);
    expect(wilsonRateInterval(0.4, 5, { population: 5 })).toEqual([0.4, 0.4]);
  });

  it("rejects impossible counts", () => {
    expect(() => wilsonInterval(1, 10, { population: 5 })).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, { population: 10.5 })).toThrow(RangeError);
  });
});

describe("decisiveShareInterval", () => {
  it("ignores ties and both-bad", () => {
    expect(decisiveShareInterval({ winsA: 7, winsB: 13, ties: 30, bothBad: 9 })).toEqual(
      wilsonInterval(7, 20),
    );
  });
});

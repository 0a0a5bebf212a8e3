import { describe, expect, it } from "vitest";
import { wilsonInterval } from "./wilson";

describe("wilsonInterval", () => {
  it("matches the textbook Wilson interval for 8/10", () => {
    // Hand check: centre = (0.8 + 1.96²/20) / (1 + 1.96²/10) = 0.71676,
    // half-width = 1.96/1.38415 * sqrt(0.016 + 1.96²/400) = 0.22658.
    const r = wilsonInterval(8, 10);
    expect(r.estimate).toBe(0.8);
    expect(r.lower).toBeCloseTo(0.49016, 5);
    expect(r.upper).toBeCloseTo(0.94332, 5);
  });

  it("gives a useful upper bound after observing no errors", () => {
    // For x = 0 the upper bound is z² / (n + z²) = 3.8415 / 23.8415.
    const r = wilsonInterval(0, 20);
    expect(r.lower).toBe(0);
    expect(r.upper).toBeCloseTo(3.841459 / 23.841459, 6);
  });

  it("is symmetric between successes and failures", () => {
    const a = wilsonInterval(3, 25);
    const b = wilsonInterval(22, 25);
    expect(a.lower).toBeCloseTo(1 - b.upper, 12);
    expect(a.upper).toBeCloseTo(1 - b.lower, 12);
  });

  it("applies the finite population correction via an effective sample size", () => {
    // n = 10 of N = 20: fpc = 10/19, effective n = 19, so this equals plain Wilson with n = 19, p = 0.8.
    const r = wilsonInterval(8, 10, 20);
    expect(r.lower).toBeCloseTo(0.57792, 5);
    expect(r.upper).toBeCloseTo(0.92117, 5);
    // A huge population is indistinguishable from no correction.
    const big = wilsonInterval(8, 10, 1e9);
    expect(big.lower).toBeCloseTo(0.49016, 5);
  });

  it("collapses to the observed rate for a census", () => {
    expect(wilsonInterval(3, 12, 12)).toEqual({ estimate: 0.25, lower: 0.25, upper: 0.25 });
  });

  it("rejects impossible counts", () => {
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 5)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
  });
});

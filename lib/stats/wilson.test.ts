import { describe, expect, it } from "vitest";
import { decisiveShareInterval, wilsonInterval } from "./wilson";

describe("wilsonInterval", () => {
  it("reproduces the reference interval for 7/20", () => {
    const [lo, hi] = wilsonInterval(7, 20);
    expect(lo).toBeCloseTo(0.18119, 5);
    expect(hi).toBeCloseTo(0.56715, 5);
  });

  it("stays inside [0, 1] at the extremes, with the closed-form bound z²/(n + z²)", () => {
    const z = 1.959964;
    const [lo, hi] = wilsonInterval(0, 10);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo((z * z) / (10 + z * z), 12);
    const [lo2, hi2] = wilsonInterval(10, 10);
    expect(hi2).toBe(1);
    expect(lo2).toBeCloseTo(1 - hi, 12);
  });

  it("narrows with a smaller z", () => {
    const [lo95, hi95] = wilsonInterval(30, 100);
    const [lo80, hi80] = wilsonInterval(30, 100, 1.281552);
    expect(hi80 - lo80).toBeLessThan(hi95 - lo95);
    expect(lo80).toBeGreaterThan(lo95);
  });

  it("returns [0, 1] without data and rejects impossible counts", () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 4)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 4, 0)).toThrow(RangeError);
  });
});

describe("decisiveShareInterval", () => {
  it("ignores ties and both-bad", () => {
    expect(decisiveShareInterval({ winsA: 7, winsB: 13, ties: 30, bothBad: 9 })).toEqual(
      wilsonInterval(7, 20),
    );
  });
});

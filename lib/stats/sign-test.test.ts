import { describe, expect, it } from "vitest";
import { pairSignTest, signTest } from "./sign-test";

describe("signTest", () => {
  it("reproduces the reference p-value for 15 of 20", () => {
    expect(signTest(15, 20)).toBeCloseTo(0.04139, 5);
    // Exact value 2·Σ_{i≤5} C(20,i)/2^20 = 43400/1048576.
    expect(signTest(15, 20)).toBeCloseTo(43400 / 1048576, 14);
  });

  it("is symmetric and equals 1 at an even split", () => {
    expect(signTest(5, 20)).toBe(signTest(15, 20));
    expect(signTest(10, 20)).toBe(1);
    expect(signTest(3, 7)).toBe(1);
  });

  it("handles tiny samples exactly", () => {
    expect(signTest(0, 5)).toBeCloseTo(2 / 32, 15);
    expect(signTest(1, 1)).toBe(1);
    expect(signTest(0, 0)).toBe(1);
  });

  it("stays accurate at n = 10,000 (scipy.stats.binomtest values)", () => {
    const far = signTest(4000, 10_000);
    expect(far / 1.7404316412268293e-89).toBeCloseTo(1, 8);
    expect(signTest(5050, 10_000)).toBeCloseTo(0.32217419979531087, 10);
    expect(signTest(0, 10_000)).toBe(0); // 2^-9999 underflows a double
  });

  it("rejects impossible inputs", () => {
    expect(() => signTest(3, 2)).toThrow(RangeError);
    expect(() => signTest(1.5, 2)).toThrow(RangeError);
  });
});

describe("pairSignTest", () => {
  it("leaves ties and both-bad out", () => {
    expect(pairSignTest({ winsA: 15, winsB: 5, ties: 40, bothBad: 12 })).toBe(signTest(15, 20));
  });
});

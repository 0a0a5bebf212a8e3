import { describe, expect, it } from "vitest";
import { estimate } from "./report-estimates";

describe("estimate", () => {
  it("gives the same figures whatever order the strata were read in", () => {
    // Sizes where the weighted sum, added up in reverse, differs in its last bit.
    const strata: [string, number, number, number][] = [
      ["a", 492, 24, 2],
      ["b", 234, 1, 0],
      ["c", 308, 10, 1],
      ["d", 162, 1, 1],
      ["e", 104, 39, 16],
    ];
    const rows = strata.flatMap(([stratum, , sampled, successes]) =>
      Array.from({ length: sampled }, (_, i) => ({ stratum, success: i < successes })),
    );
    const population = strata.reduce((n, [, size]) => n + size, 0);
    const inOrder = new Map(strata.map(([name, size]) => [name, size] as const));
    const reversed = new Map([...inOrder].reverse());
    const a = estimate(rows, { population, strata: inOrder });
    const b = estimate(rows, { population, strata: reversed });
    expect(a?.method).toBe("stratified-normal");
    expect(b).toEqual(a);
    expect(a?.estimate).toBeCloseTo(0.212667, 6);
  });
});

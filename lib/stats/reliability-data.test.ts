import { describe, expect, it } from "vitest";
import { countPairableUnits, isMissing, presentValues } from "./reliability-data";

describe("reliability data helpers", () => {
  it("treats null, undefined and NaN as missing but keeps 0 and empty strings", () => {
    expect([null, undefined, Number.NaN, 0, ""].map(isMissing)).toEqual([true, true, true, false, false]);
    expect(presentValues([1, null, "x", Number.NaN, 0])).toEqual([1, "x", 0]);
  });

  it("counts only units with at least two ratings", () => {
    expect(countPairableUnits([[1, 1], [1, null], [], [null, 2, 3, undefined]])).toBe(2);
  });
});

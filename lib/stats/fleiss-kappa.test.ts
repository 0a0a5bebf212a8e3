import { describe, expect, it } from "vitest";
import { fleissKappa } from "./fleiss-kappa";

describe("fleissKappa", () => {
  it("reproduces Wikipedia's 10 subjects × 5 categories × 14 raters example (0.210)", () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    expect(fleissKappa(table)).toBeCloseTo(0.2099, 4);
  });

  it("is 1 for unanimous subjects spread over categories", () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
        [3, 0],
      ]),
    ).toBeCloseTo(1, 12);
  });

  it("is NaN when everyone always uses one category", () => {
    expect(
      fleissKappa([
        [4, 0],
        [4, 0],
      ]),
    ).toBeNaN();
  });

  it("rejects tables Fleiss' formula does not cover", () => {
    expect(() =>
      fleissKappa([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(/same number/);
    expect(() =>
      fleissKappa([
        [1, 0],
        [0, 1],
      ]),
    ).toThrow(/at least two/);
    expect(() => fleissKappa([[1, 1], [2]])).toThrow(RangeError);
  });
});

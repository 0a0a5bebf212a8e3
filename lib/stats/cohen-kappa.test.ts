import { describe, expect, it } from "vitest";
import { cohenKappa, cohenKappaFromTable } from "./cohen-kappa";

describe("cohenKappaFromTable", () => {
  it("reproduces Wikipedia's 50-proposal example (0.40)", () => {
    expect(
      cohenKappaFromTable([
        [20, 5],
        [10, 15],
      ]),
    ).toBeCloseTo(0.4, 12);
  });

  it("reproduces Wikipedia's equal-agreement, different-marginals examples", () => {
    expect(
      cohenKappaFromTable([
        [45, 15],
        [25, 15],
      ]),
    ).toBeCloseTo(0.1304, 4);
    expect(
      cohenKappaFromTable([
        [25, 35],
        [5, 35],
      ]),
    ).toBeCloseTo(0.2593, 4);
  });

  it("is NaN for an empty or single-category table", () => {
    expect(
      cohenKappaFromTable([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNaN();
    expect(cohenKappaFromTable([[5]])).toBeNaN();
  });
});

describe("cohenKappa", () => {
  it("builds the table from raw ratings and matches the tabulated result", () => {
    const yes = "yes";
    const no = "no";
    const rater1 = [
      ...Array<string>(20).fill(yes),
      ...Array<string>(5).fill(yes),
      ...Array<string>(10).fill(no),
      ...Array<string>(15).fill(no),
    ];
    const rater2 = [
      ...Array<string>(20).fill(yes),
      ...Array<string>(5).fill(no),
      ...Array<string>(10).fill(yes),
      ...Array<string>(15).fill(no),
    ];
    expect(cohenKappa(rater1, rater2)).toBeCloseTo(0.4, 12);
  });

  it("skips items either rater left blank", () => {
    expect(cohenKappa(["a", "b", null, "a"], ["a", "b", "b", undefined])).toBe(1);
  });

  it("requires parallel arrays", () => {
    expect(() => cohenKappa(["a"], ["a", "b"])).toThrow(RangeError);
  });
});

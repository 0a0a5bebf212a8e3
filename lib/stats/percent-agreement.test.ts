import { describe, expect, it } from "vitest";
import { percentAgreement } from "./percent-agreement";

describe("percentAgreement", () => {
  it("averages pairwise agreement over units with two or more ratings", () => {
    // [a,a,b]: 1 of 3 pairs agree; [a,a]: 1 of 1; [b] is skipped; [a,b,null]: 0 of 1.
    expect(percentAgreement([["a", "a", "b"], ["a", "a"], ["b"], ["a", "b", null]])).toBeCloseTo(
      (1 / 3 + 1 + 0) / 3,
      12,
    );
  });

  it("counts 4 raters with a 2–2 split as 2 of 6 agreeing pairs", () => {
    expect(percentAgreement([[1, 1, 2, 2]])).toBeCloseTo(1 / 3, 12);
  });

  it("is NaN with nothing to compare", () => {
    expect(percentAgreement([["a"], []])).toBeNaN();
  });
});

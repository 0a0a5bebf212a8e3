import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "./krippendorff-alpha";
import type { MaybeRating } from "./reliability-data";

const X = null;

/** Raters × units as printed in the sources, transposed to this module's units × raters. */
function unitsFrom(raters: readonly (readonly MaybeRating[])[]): MaybeRating[][] {
  const units = raters[0]?.length ?? 0;
  return Array.from({ length: units }, (_, u) => raters.map((row) => row[u]));
}

// Wikipedia "Krippendorff's alpha", computational example: 3 coders × 15 units.
const wikipedia = unitsFrom([
  [X, X, X, X, X, 3, 4, 1, 2, 1, 1, 3, 3, X, 3],
  [1, X, 2, 1, 3, 3, 4, 3, X, X, X, X, X, X, X],
  [X, X, 2, 1, 3, 4, 4, X, 2, 1, 1, 3, 3, X, 4],
]);

// Krippendorff (2011) "Computing Krippendorff's Alpha-Reliability": 4 observers × 12 units.
const paper = unitsFrom([
  [1, 2, 3, 3, 2, 1, 4, 1, 2, X, X, X],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, X, 3],
  [X, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, X],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, X],
]);

describe("krippendorffAlpha", () => {
  it("reproduces Wikipedia's nominal example (0.691)", () => {
    expect(krippendorffAlpha(wikipedia)).toBeCloseTo(0.691, 3);
  });

  it("gives 0.807 ordinal on Wikipedia's table, as independently recomputed", () => {
    // Not printed on Wikipedia; 0.80672 from a separate NumPy implementation of the coincidence-matrix
    // definition, matching the ≈0.807 quoted elsewhere.
    expect(krippendorffAlpha(wikipedia, { level: "ordinal" })).toBeCloseTo(0.80672, 5);
  });

  it("reproduces Krippendorff (2011): nominal 0.743, ordinal 0.815", () => {
    expect(krippendorffAlpha(paper)).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(paper, { level: "ordinal" })).toBeCloseTo(0.815, 3);
  });

  it("matches a hand-computed small case", () => {
    // Units [1,1], [1,2], [2,3]: n1=3, n2=2, n3=1, n=6.
    // Nominal: Do·n = 4, Σ n_c n_k = 22 → α = 1 − 5·4/22 = 1/11.
    // Ordinal: δ²12 = 6.25, δ²23 = 2.25, δ²13 = 16 → Σ o·δ² = 17, Σ n_c n_k δ² = 180 → α = 1 − 85/180.
    const units = [
      [1, 1],
      [1, 2],
      [2, 3],
    ];
    expect(krippendorffAlpha(units)).toBeCloseTo(1 / 11, 12);
    expect(krippendorffAlpha(units, { level: "ordinal" })).toBeCloseTo(95 / 180, 12);
  });

  it("uses only the order of ordinal categories, not their spacing", () => {
    const numeric = [
      [1, 1],
      [1, 2],
      [2, 3],
    ];
    const stretched = [
      [1, 1],
      [1, 20],
      [20, 300],
    ];
    const labelled = [
      ["low", "low"],
      ["low", "mid"],
      ["mid", "high"],
    ];
    const ordinal = krippendorffAlpha(numeric, { level: "ordinal" });
    expect(krippendorffAlpha(stretched, { level: "ordinal" })).toBeCloseTo(ordinal, 12);
    expect(krippendorffAlpha(labelled, { level: "ordinal", order: ["low", "mid", "high"] })).toBeCloseTo(
      ordinal,
      12,
    );
    // Reversing the order of labels changes which categories are "between": a different answer.
    expect(krippendorffAlpha(labelled, { level: "ordinal", order: ["mid", "low", "high"] })).not.toBeCloseTo(
      ordinal,
      3,
    );
  });

  it("ignores units with a single rating and treats NaN as missing", () => {
    const withNoise = [...wikipedia, [7, X, X], [Number.NaN, 5, X]];
    expect(krippendorffAlpha(withNoise)).toBeCloseTo(krippendorffAlpha(wikipedia), 12);
  });

  it("is 1 for perfect agreement and NaN when nothing varies or nothing is pairable", () => {
    expect(
      krippendorffAlpha([
        ["a", "a"],
        ["b", "b", "b"],
      ]),
    ).toBe(1);
    expect(
      krippendorffAlpha([
        ["a", "a"],
        ["a", "a"],
      ]),
    ).toBeNaN();
    expect(krippendorffAlpha([["a"], [X, "b"]])).toBeNaN();
  });

  it("goes negative under systematic disagreement", () => {
    expect(
      krippendorffAlpha([
        ["a", "b"],
        ["a", "b"],
        ["b", "a"],
      ]),
    ).toBeLessThan(0);
  });

  it("requires an order for ordinal string categories", () => {
    expect(() => krippendorffAlpha([["x", "y"]], { level: "ordinal" })).toThrow(RangeError);
    expect(() => krippendorffAlpha([["x", "z"]], { level: "ordinal", order: ["x", "y"] })).toThrow(
      RangeError,
    );
  });
});

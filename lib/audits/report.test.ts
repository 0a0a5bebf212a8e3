import { describe, expect, it } from "vitest";
import { finalVerdict } from "./final-verdict";
import { DEFAULT_FLAGS } from "./flags";
import { buildReport, type TReportItem } from "./report";

const rev = (
  reviewerId: string,
  verdict: string,
  flags: string[] = [],
  correctedOutput: string | null = null,
) => ({
  reviewerId,
  verdict,
  flags,
  correctedOutput,
  durationMs: 1000,
});

describe("finalVerdict", () => {
  it("adjudication wins; unanimity is final; disagreement or differing corrections are disputed; incomplete is pending", () => {
    expect(finalVerdict({ reviewsNeeded: 2, reviews: [rev("a", "accept")], adjudication: null })).toEqual({
      state: "pending",
    });
    expect(
      finalVerdict({
        reviewsNeeded: 2,
        reviews: [rev("a", "accept"), rev("b", "reject")],
        adjudication: null,
      }),
    ).toMatchObject({ state: "disputed" });
    expect(
      finalVerdict({
        reviewsNeeded: 2,
        reviews: [rev("a", "revise", [], "x"), rev("b", "revise", [], "y")],
        adjudication: null,
      }),
    ).toEqual({ state: "disputed", reason: "corrections differ" });
    expect(
      finalVerdict({
        reviewsNeeded: 2,
        reviews: [rev("a", "revise", ["incomplete"], "x"), rev("b", "revise", [], null)],
        adjudication: null,
      }),
    ).toMatchObject({ state: "final", verdict: "revise", correction: "x", flags: ["incomplete"] });
    expect(
      finalVerdict({
        reviewsNeeded: 2,
        reviews: [rev("a", "accept"), rev("b", "reject")],
        adjudication: { verdict: "reject", flags: [], output: null },
      }),
    ).toMatchObject({ state: "final", verdict: "reject", adjudicated: true });
  });
});

describe("buildReport", () => {
  const item = (
    id: string,
    reviews: TReportItem["reviews"],
    over: Partial<TReportItem> = {},
  ): TReportItem => ({
    id,
    stratum: null,
    isGold: false,
    goldVerdict: null,
    reviews,
    adjudication: null,
    ...over,
  });

  it("leaves gold out of estimates, counts disputes apart, scores gold accuracy and agreement", () => {
    const items = [
      item("1", [rev("a", "accept"), rev("b", "accept")]),
      item("2", [rev("a", "reject", ["factual_error"]), rev("b", "reject", ["factual_error"])]),
      item("3", [rev("a", "accept"), rev("b", "reject")]),
      item("4", [rev("a", "accept"), rev("b", "accept")]),
      item("g", [rev("a", "reject"), rev("b", "accept")], { isGold: true, goldVerdict: "reject" }),
    ];
    const r = buildReport({
      reviewersPerItem: 2,
      flags: DEFAULT_FLAGS,
      population: 1000,
      strata: null,
      items,
      pseudonyms: new Map([
        ["a", "R-a"],
        ["b", "R-b"],
      ]),
    });
    expect(r.progress).toMatchObject({ items: 4, goldItems: 1, final: 3, disputed: 1, pending: 0 });
    expect(r.acceptance).toMatchObject({ successes: 2, n: 3, method: "wilson" });
    expect(r.acceptance?.lower).toBeLessThan(2 / 3);
    expect(r.acceptance?.upper).toBeGreaterThan(2 / 3);
    expect(r.flags.find((f) => f.key === "factual_error")).toMatchObject({ successes: 1, n: 3 });
    expect(r.badRecords?.total.estimate).toBeCloseTo(1000 / 3, 5);
    expect(r.reviewers).toEqual([
      expect.objectContaining({ reviewer: "R-a", reviews: 5, gold: { n: 1, correct: 1, accuracy: 1 } }),
      expect.objectContaining({ reviewer: "R-b", reviews: 5, gold: { n: 1, correct: 0, accuracy: 0 } }),
    ]);
    expect(r.agreement.verdict.overlappingItems).toBe(5);
    expect(r.agreement.verdict.percentAgreement).toBeCloseTo(3 / 5, 10);
    expect(r.agreement.verdict.alpha).toBeLessThan(1);
    expect(r.disagreements.map((d) => d.itemId).sort()).toEqual(["3", "g"]);
  });

  it("weights strata by their size", () => {
    const items = [
      item("1", [rev("a", "accept")], { stratum: "big" }),
      item("2", [rev("a", "reject")], { stratum: "small" }),
    ];
    const r = buildReport({
      reviewersPerItem: 1,
      flags: [],
      population: 100,
      strata: new Map([
        ["big", 90],
        ["small", 10],
      ]),
      items,
      pseudonyms: new Map(),
    });
    expect(r.acceptance?.estimate).toBeCloseTo(0.9, 10);
    expect(r.acceptance?.method).not.toBe("wilson");
  });
});

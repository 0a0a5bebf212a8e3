import { describe, expect, it } from "vitest";
import { finalVerdict } from "./final-verdict";
import { agreement, estimate } from "./report-estimates";
import { ReportTally, type TTallyItem } from "./report-tally";

const rev = (reviewerId: string, verdict: string) => ({
  reviewerId,
  verdict,
  flags: [],
  correctedOutput: null,
});

describe("ReportTally", () => {
  it("counts gold apart but in agreement, takes a reviewer's first answer, and leaves single answers out of agreement", () => {
    type TItem = TTallyItem & {
      reviews: ReturnType<typeof rev>[];
      adjudication?: { verdict: string; flags: string[]; output: string };
    };
    const items: TItem[] = [
      { stratum: "a", isGold: false, reviews: [rev("x", "accept"), rev("y", "accept")] },
      // x answered twice (a re-answer kept current by mistake, or two assignments): the first counts.
      { stratum: null, isGold: false, reviews: [rev("x", "reject"), rev("x", "accept"), rev("y", "reject")] },
      { stratum: "a", isGold: true, reviews: [rev("x", "accept"), rev("y", "reject")] },
      { stratum: "b", isGold: false, reviews: [] },
      { stratum: "b", isGold: false, reviews: [rev("z", "revise")] },
      {
        stratum: "b",
        isGold: false,
        reviews: [rev("x", "accept"), rev("z", "reject")],
        adjudication: { verdict: "revise", flags: [], output: "fixed" },
      },
    ];
    const tally = new ReportTally();
    for (const it of items)
      tally.add(
        it,
        finalVerdict({ reviewsNeeded: 2, reviews: it.reviews, adjudication: it.adjudication ?? null }),
      );
    const figures = tally.figures({ population: 100, strata: null });

    expect(tally.goldItems).toBe(1);
    expect([...tally.sampledStrata].sort()).toEqual(["", "a", "b"]);
    expect(figures.progress).toEqual({
      items: 5,
      goldItems: 1,
      reviews: 10,
      final: 2,
      disputed: 1,
      pending: 2,
    });
    expect(figures.verdicts).toEqual({ accept: 1, reject: 0, revise: 1 });
    expect(figures.acceptance).toEqual(
      estimate(
        [
          { stratum: "a", success: true },
          { stratum: "b", success: false },
        ],
        { population: 100, strata: null },
      ),
    );
    expect(figures.acceptance).toMatchObject({ successes: 1, n: 2, method: "wilson" });
    // Reviewers x, y, z in that order; items 1, 2, the gold item and the adjudicated one overlap.
    expect(figures.verdictAgreement).toEqual(
      agreement([
        ["accept", "accept", null],
        ["reject", "reject", null],
        ["accept", "reject", null],
        ["accept", null, "reject"],
      ]),
    );
    expect(figures.verdictAgreement.overlappingItems).toBe(4);
  });

  it("answers an empty campaign with nothing to estimate", () => {
    const figures = new ReportTally().figures({ population: 0, strata: new Map() });
    expect(figures).toMatchObject({
      progress: { items: 0, goldItems: 0, reviews: 0, final: 0, disputed: 0, pending: 0 },
      verdicts: { accept: 0, reject: 0, revise: 0 },
      acceptance: null,
      verdictAgreement: { overlappingItems: 0 },
    });
  });
});

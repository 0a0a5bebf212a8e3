import { describe, expect, it } from "vitest";
import * as stats from "./index";

describe("public API", () => {
  it("exposes exactly the documented runtime functions", () => {
    expect(Object.keys(stats).sort()).toEqual(
      [
        "Z_95",
        "adjacentOrders",
        "attentionCheckPassRates",
        "bootstrapBradleyTerry",
        "chooseNextComparison",
        "cohenKappa",
        "cohenKappaFromTable",
        "countPairableUnits",
        "countPairs",
        "decisiveShareInterval",
        "fitBradleyTerry",
        "fleissKappa",
        "isMissing",
        "krippendorffAlpha",
        "maximumLikelihoodExists",
        "orientOutcome",
        "pairOrder",
        "pairSignTest",
        "percentAgreement",
        "percentileInterval",
        "positionBias",
        "quantileSorted",
        "repeatConsistency",
        "signTest",
        "studyProgress",
        "summarisePairs",
        "swapChoice",
        "tallyChoices",
        "wilsonInterval",
        "wilsonRateInterval",
        "wilsonScoreBounds",
        "winRate",
      ].sort(),
    );
  });

  it("works end to end through the barrel", () => {
    const summary = stats.summarisePairs(
      [
        {
          promptId: "p",
          raterId: "r",
          modelA: "x",
          modelB: "y",
          shownLeft: "A",
          criterion: "c",
          choice: "A",
        },
        {
          promptId: "q",
          raterId: "r",
          modelA: "x",
          modelB: "y",
          shownLeft: "B",
          criterion: "c",
          choice: "A",
        },
      ],
      { bootstrapRounds: 20 },
    );
    expect(summary.pairs[0]?.winRateA).toBe(1);
    expect(summary.ratings.find((r) => r.model === "x")!.rating).toBeGreaterThan(1000);
  });
});

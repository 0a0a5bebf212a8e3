import { describe, expect, it } from "vitest";
import { bootstrapBradleyTerry } from "./bradley-terry-bootstrap";
import { studyProgress } from "./study-progress";
import { summarisePairs } from "./summarise";
import type { Choice, Judgement, Side } from "./types";
import { wilsonInterval } from "./wilson";

function j(
  criterion: string,
  promptId: string,
  raterId: string,
  modelA: string,
  modelB: string,
  shownLeft: Side,
  choice: Choice,
): Judgement {
  return { criterion, promptId, raterId, modelA, modelB, shownLeft, choice };
}

const judgements: Judgement[] = [
  j("overall", "p1", "r1", "a", "b", "A", "A"), // a wins, left
  j("overall", "p1", "r2", "b", "a", "A", "B"), // a wins (recorded reversed), right
  j("overall", "p2", "r1", "a", "b", "B", "tie"),
  j("overall", "p2", "r2", "a", "b", "A", "both_bad"),
  j("overall", "p3", "r1", "a", "b", "A", "B"), // b wins, right
  j("overall", "p4", "r1", "a", "c", "B", "A"), // a wins, right
  j("overall", "p4", "r2", "a", "c", "A", "A"), // a wins, left
  j("overall", "p5", "r1", "b", "c", "A", "A"), // b wins, left
  j("overall", "p5", "r2", "b", "c", "A", "both_bad"),
  j("overall", "p5", "r1", "c", "b", "B", "A"), // r1's repeat (c wins, right): not used for agreement
  j("safety", "p1", "r1", "a", "b", "A", "both_bad"),
  j("safety", "p1", "r2", "a", "b", "B", "both_bad"),
];

describe("summarisePairs", () => {
  const summary = summarisePairs(judgements, { bootstrapRounds: 200, seed: 4 });

  it("counts per criterion and canonical pair, keeping both-bad apart from ties", () => {
    const rows = summary.pairs.map(({ criterion, modelA, modelB, n, winsA, winsB, ties, bothBad }) => ({
      criterion,
      modelA,
      modelB,
      n,
      winsA,
      winsB,
      ties,
      bothBad,
    }));
    expect(rows).toEqual([
      { criterion: "overall", modelA: "a", modelB: "b", n: 5, winsA: 2, winsB: 1, ties: 1, bothBad: 1 },
      { criterion: "overall", modelA: "a", modelB: "c", n: 2, winsA: 2, winsB: 0, ties: 0, bothBad: 0 },
      { criterion: "overall", modelA: "b", modelB: "c", n: 3, winsA: 1, winsB: 1, ties: 0, bothBad: 1 },
      { criterion: "safety", modelA: "a", modelB: "b", n: 2, winsA: 0, winsB: 0, ties: 0, bothBad: 2 },
    ]);
  });

  it("attaches win rate, standard error, Wilson interval and sign test to each pair", () => {
    const ab = summary.pairs[0];
    // Scores 1, 1, 0, .5, .5: mean .6, Σ(x − mean)² = .7, SE = sqrt(.7/4)/sqrt(5).
    expect(ab?.winRateA).toBeCloseTo(0.6, 12);
    expect(ab?.standardError).toBeCloseTo(Math.sqrt(0.7 / 4 / 5), 12);
    expect(ab?.wilson).toEqual(wilsonInterval(2, 3));
    expect(ab?.signTestP).toBe(1);
    const ac = summary.pairs[1];
    expect(ac?.signTestP).toBeCloseTo(0.5, 12);
    const safety = summary.pairs[3];
    expect(safety?.winRateA).toBe(0.5);
    expect(safety?.wilson).toEqual([0, 1]);
  });

  it("rates every model per criterion on the Elo scale with bootstrap intervals", () => {
    const overall = summary.ratings.filter((r) => r.criterion === "overall");
    expect(overall.map((r) => r.model)).toEqual(["a", "b", "c"]);
    expect(overall.reduce((sum, r) => sum + r.rating, 0) / 3).toBeCloseTo(1000, 9);
    expect(overall[0]!.rating).toBeGreaterThan(overall[1]!.rating);
    for (const r of overall) {
      expect(r.ci[0]).toBeLessThanOrEqual(r.rating);
      expect(r.ci[1]).toBeGreaterThanOrEqual(r.rating);
    }
    const safety = summary.ratings.filter((r) => r.criterion === "safety");
    expect(safety.map((r) => [r.model, r.rating])).toEqual([
      ["a", 1000],
      ["b", 1000],
    ]);
  });

  it("measures agreement on comparisons with two or more raters, one vote per rater", () => {
    // Units: [a, a], [tie, both-bad], [a, a], [b-wins, both-bad] → 2 of 4 agree.
    // α: n = 8, values A×5, tie×1, both-bad×2; Σ off-diagonal o = 4; Σ n_c n_k = 64 − 30 = 34;
    // α = 1 − 7·4/34 = 3/17.
    expect(summary.agreement).toEqual([
      {
        criterion: "overall",
        krippendorffAlpha: expect.closeTo(3 / 17, 12) as number,
        percentAgreement: 0.5,
        nItems: 4,
      },
      { criterion: "safety", krippendorffAlpha: Number.NaN, percentAgreement: 1, nItems: 1 },
    ]);
  });

  it("pools position bias over all judgements", () => {
    // Decisive: left wins p1r1, p4r2, p5r1; right wins p1r2, p3r1, p4r1, p5 repeat.
    expect(summary.positionBias).toEqual({
      leftWins: 3,
      rightWins: 4,
      leftWinRate: 3 / 7,
      ci: wilsonInterval(3, 7),
    });
  });

  it("is reproducible for a seed and honours modelOrder", () => {
    expect(summarisePairs(judgements, { bootstrapRounds: 200, seed: 4 })).toEqual(summary);
    const reordered = summarisePairs(judgements, { bootstrapRounds: 50, modelOrder: ["c", "b"] });
    expect(
      reordered.pairs.map((p) => `${p.criterion}:${p.modelA}-${p.modelB}:${p.winsA}/${p.winsB}`),
    ).toEqual(["overall:c-b:1/1", "overall:c-a:0/2", "overall:b-a:1/2", "safety:b-a:0/0"]);
    expect(reordered.ratings.filter((r) => r.criterion === "overall").map((r) => r.model)).toEqual([
      "c",
      "b",
      "a",
    ]);
  });

  it("answers 'are we done?' per criterion from the ratings' own bootstrap, at the width asked", () => {
    const at = summarisePairs(judgements, { bootstrapRounds: 200, seed: 4, targetWidth: 30 });
    expect(at.progress.map((p) => [p.criterion, p.judgements, p.targetWidth])).toEqual([
      ["overall", 10, 30],
      ["safety", 2, 30],
    ]);
    // The same rounds as a standalone bootstrap with the same seed and models: nothing resampled anew.
    const overall = judgements.filter((x) => x.criterion === "overall");
    const fit = bootstrapBradleyTerry(overall, {
      rounds: 200,
      seed: 4,
      models: ["a", "b", "c"],
      keepSamples: true,
    });
    expect(at.progress[0]!.pairs).toEqual(studyProgress(fit, 10, 30).pairs);
    expect(summary.progress[0]!.targetWidth).toBe(50);
  });
});

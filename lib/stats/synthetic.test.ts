import { describe, expect, it } from "vitest";
import { countPairs } from "./pair-counts";
import { syntheticJudgements } from "./synthetic";

describe("syntheticJudgements", () => {
  const options = {
    judgements: 4000,
    models: 3,
    judgementsPerPrompt: 4,
    raters: 5,
    seed: 1,
    ratingStep: 100,
  };

  it("is deterministic for a seed", () => {
    expect(syntheticJudgements(options)).toEqual(syntheticJudgements(options));
    expect(syntheticJudgements({ ...options, seed: 2 })).not.toEqual(syntheticJudgements(options));
  });

  it("groups judgements into prompts and follows the requested outcome mix", () => {
    const judgements = syntheticJudgements(options);
    expect(new Set(judgements.map((j) => j.promptId)).size).toBe(1000);
    const ties = judgements.filter((j) => j.choice === "tie").length / judgements.length;
    const bothBad = judgements.filter((j) => j.choice === "both_bad").length / judgements.length;
    expect(ties).toBeGreaterThan(0.08);
    expect(ties).toBeLessThan(0.12);
    expect(bothBad).toBeGreaterThan(0.08);
    expect(bothBad).toBeLessThan(0.12);
    // model-0 vs model-1 is 100 Elo apart: expected decisive share 1/(1 + 10^-0.25) ≈ 0.64.
    const pair = countPairs(judgements).find((p) => p.modelA === "model-0" && p.modelB === "model-1");
    const share = (pair?.winsA ?? 0) / ((pair?.winsA ?? 0) + (pair?.winsB ?? 1));
    expect(share).toBeGreaterThan(0.57);
    expect(share).toBeLessThan(0.71);
  });
});

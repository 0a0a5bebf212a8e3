import { describe, expect, it } from "vitest";
import { bootstrapBradleyTerry } from "./bradley-terry-bootstrap";
import { fitBradleyTerry } from "./bradley-terry";
import { countPairs } from "./pair-counts";
import { syntheticJudgements } from "./synthetic";
import type { PromptOutcome } from "./types";

const study = syntheticJudgements({
  judgements: 1200,
  models: 4,
  judgementsPerPrompt: 4,
  raters: 6,
  seed: 11,
  ratingStep: 60,
});

describe("bootstrapBradleyTerry", () => {
  it("returns the full-data fit as the point estimate", () => {
    const boot = bootstrapBradleyTerry(study, { rounds: 50, seed: 3 });
    const direct = fitBradleyTerry(countPairs(study));
    expect(boot.ratings.map((r) => r.model)).toEqual(direct.ratings.map((r) => r.model));
    boot.ratings.forEach((r, i) => expect(r.rating).toBeCloseTo(direct.ratings[i]!.rating, 6));
  });

  it("is reproducible: same seed gives identical intervals, another seed does not", () => {
    const a = bootstrapBradleyTerry(study, { rounds: 200, seed: 5 });
    const b = bootstrapBradleyTerry(study, { rounds: 200, seed: 5 });
    const c = bootstrapBradleyTerry(study, { rounds: 200, seed: 6 });
    expect(a).toEqual(b);
    expect(a.ratings.map((r) => r.ci)).not.toEqual(c.ratings.map((r) => r.ci));
  });

  it("gives intervals that contain the estimate and recover the known ordering", () => {
    const boot = bootstrapBradleyTerry(study, { rounds: 300, seed: 1 });
    for (const r of boot.ratings) {
      expect(r.ci[0]).toBeLessThan(r.rating);
      expect(r.ci[1]).toBeGreaterThan(r.rating);
      expect(r.ci[1] - r.ci[0]).toBeGreaterThan(5);
      expect(r.ci[1] - r.ci[0]).toBeLessThan(150);
    }
    // Truth: 60 Elo steps, model-0 strongest.
    const ratings = boot.ratings.map((r) => r.rating);
    expect([...ratings].sort((x, y) => y - x)).toEqual(ratings);
    expect(ratings[0]! - ratings[3]!).toBeGreaterThan(100);
    expect(ratings[0]! - ratings[3]!).toBeLessThan(260);
  });

  it("resamples prompts as clusters: copies within a prompt add no precision", () => {
    // Without a prior the MLE is invariant to scaling all counts, and with the same prompt count and
    // seed every round draws the same multiplicities, so intervals must be identical.
    const tripled: PromptOutcome[] = study.flatMap((j) => [j, j, j]);
    const once = bootstrapBradleyTerry(study, { rounds: 200, seed: 9, priorGames: 0 });
    const thrice = bootstrapBradleyTerry(tripled, { rounds: 200, seed: 9, priorGames: 0 });
    thrice.ratings.forEach((r, i) => {
      expect(r.ci[0]).toBeCloseTo(once.ratings[i]!.ci[0], 6);
      expect(r.ci[1]).toBeCloseTo(once.ratings[i]!.ci[1], 6);
    });
    // Whereas the same copies as separate prompts look like three times the evidence.
    const asNewPrompts = tripled.map((j, i) => ({ ...j, promptId: `${j.promptId}#${i % 3}` }));
    const naive = bootstrapBradleyTerry(asNewPrompts, { rounds: 200, seed: 9, priorGames: 0 });
    const width = (r: { ci: readonly [number, number] }): number => r.ci[1] - r.ci[0];
    expect(width(naive.ratings[0]!)).toBeLessThan(0.75 * width(once.ratings[0]!));
  });

  it("drops and counts resamples with no finite fit when the prior is off", () => {
    const sparse: PromptOutcome[] = [
      { promptId: "p1", modelA: "A", modelB: "B", choice: "A" },
      { promptId: "p2", modelA: "A", modelB: "B", choice: "B" },
      { promptId: "p3", modelA: "B", modelB: "C", choice: "A" },
      { promptId: "p4", modelA: "B", modelB: "C", choice: "tie" },
    ];
    const off = bootstrapBradleyTerry(sparse, { rounds: 200, seed: 2, priorGames: 0 });
    expect(off.droppedRounds).toBeGreaterThan(0);
    expect(off.droppedRounds).toBeLessThan(200);
    const on = bootstrapBradleyTerry(sparse, { rounds: 200, seed: 2 });
    expect(on.droppedRounds).toBe(0);
    for (const r of on.ratings) expect(Number.isFinite(r.ci[0]) && Number.isFinite(r.ci[1])).toBe(true);
  });

  it("treats both-bad like a tie for ratings", () => {
    const base: PromptOutcome[] = [
      { promptId: "p1", modelA: "A", modelB: "B", choice: "A" },
      { promptId: "p2", modelA: "A", modelB: "B", choice: "B" },
      { promptId: "p3", modelA: "A", modelB: "B", choice: "A" },
    ];
    const tie = bootstrapBradleyTerry(
      [...base, { promptId: "p4", modelA: "A", modelB: "B", choice: "tie" }],
      {
        rounds: 100,
      },
    );
    const bad = bootstrapBradleyTerry(
      [...base, { promptId: "p4", modelA: "A", modelB: "B", choice: "both_bad" }],
      {
        rounds: 100,
      },
    );
    expect(bad).toEqual(tie);
    expect(tie.ratings[0]!.rating).toBeGreaterThan(1000);
  });

  it("validates its options", () => {
    expect(() => bootstrapBradleyTerry(study, { rounds: 0 })).toThrow(RangeError);
    expect(() => bootstrapBradleyTerry(study, { confidence: 1 })).toThrow(RangeError);
    expect(() => bootstrapBradleyTerry(study, { models: ["model-0"] })).toThrow(RangeError);
  });
});

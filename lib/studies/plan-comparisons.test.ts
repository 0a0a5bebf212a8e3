import { describe, expect, it } from "vitest";
import { planComparisons } from "./plan-comparisons";

describe("comparison plan: outputs that name their model", () => {
  const prompts = [
    { id: "p1", models: ["a", "b", "c"], revealing: ["b"] },
    { id: "p2", models: ["a", "b", "c"] },
    { id: "p3", models: ["a", "c"], revealing: ["a", "c"] },
  ];
  const base = { prompts, models: ["a", "b", "c"], design: "all_pairs" as const, reference: null, seed: "s" };

  it("holds back every pair with such an output by default, and reports each with its revealing side", () => {
    const plan = planComparisons({ ...base, attentionCheckShare: 0 });
    expect(plan.comparisons.map((c) => `${c.promptId}:${c.modelA}-${c.modelB}`)).toEqual([
      "p1:a-c",
      "p2:a-b",
      "p2:a-c",
      "p2:b-c",
    ]);
    expect(plan.heldBack).toEqual([
      { promptId: "p1", modelA: "a", modelB: "b", revealing: ["b"] },
      { promptId: "p1", modelA: "b", modelB: "c", revealing: ["b"] },
      { promptId: "p3", modelA: "a", modelB: "c", revealing: ["a", "c"] },
    ]);
    // A prompt without some model is still reported as skipped, not as held back.
    expect(plan.skipped).toEqual([{ promptId: "p3", missing: ["b"] }]);
  });

  it("never turns a held-back pair into an attention check", () => {
    const plan = planComparisons({ ...base, attentionCheckShare: 0.5 });
    const checks = plan.comparisons.filter((c) => c.kind === "attention");
    expect(checks).toHaveLength(2);
    const held = new Set(plan.heldBack.map((h) => `${h.promptId}:${h.modelA}-${h.modelB}`));
    for (const c of checks) expect(held.has(`${c.promptId}:${c.modelA}-${c.modelB}`)).toBe(false);
  });

  it("hands out everything when the admin includes them", () => {
    const plan = planComparisons({ ...base, attentionCheckShare: 0, includeRevealing: true });
    expect(plan.heldBack).toEqual([]);
    expect(plan.comparisons).toHaveLength(7);
  });
});

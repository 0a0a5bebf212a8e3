import { describe, expect, it } from "vitest";
import { countPairs, modelComparator, orientOutcome, swapChoice, tallyChoices } from "./pair-counts";
import type { Choice, Outcome } from "./types";

describe("countPairs", () => {
  const outcomes: Outcome[] = [
    { modelA: "gpt", modelB: "claude", choice: "A" }, // gpt wins → claude vs gpt: B
    { modelA: "claude", modelB: "gpt", choice: "A" },
    { modelA: "claude", modelB: "gpt", choice: "tie" },
    { modelA: "gpt", modelB: "claude", choice: "both_bad" },
    { modelA: "gpt", modelB: "claude", choice: "both_bad" },
    { modelA: "claude", modelB: "llama", choice: "B" },
  ];

  it("merges both orientations of a pair and flips choices accordingly", () => {
    expect(countPairs(outcomes)).toEqual([
      { modelA: "claude", modelB: "gpt", winsA: 1, winsB: 1, ties: 1, bothBad: 2, n: 5 },
      { modelA: "claude", modelB: "llama", winsA: 0, winsB: 1, ties: 0, bothBad: 0, n: 1 },
    ]);
  });

  it("keeps both-bad separate from ties", () => {
    const [pair] = countPairs(outcomes);
    expect(pair?.ties).toBe(1);
    expect(pair?.bothBad).toBe(2);
  });

  it("puts models from modelOrder on the A side first", () => {
    expect(countPairs(outcomes, { modelOrder: ["gpt"] })[0]).toEqual({
      modelA: "gpt",
      modelB: "claude",
      winsA: 1,
      winsB: 1,
      ties: 1,
      bothBad: 2,
      n: 5,
    });
  });

  it("rejects a model compared with itself and unknown choices", () => {
    expect(() => countPairs([{ modelA: "x", modelB: "x", choice: "A" }])).toThrow(RangeError);
    const corrupt = { modelA: "x", modelB: "y", choice: "C" } as unknown as Outcome;
    expect(() => countPairs([corrupt])).toThrow(TypeError);
  });
});

describe("orientation helpers", () => {
  it("swapChoice flips decisive votes only", () => {
    const choices: Choice[] = ["A", "B", "tie", "both_bad"];
    expect(choices.map(swapChoice)).toEqual(["B", "A", "tie", "both_bad"]);
  });

  it("orientOutcome reports whether it swapped", () => {
    const compare = modelComparator();
    expect(orientOutcome({ modelA: "b", modelB: "a", choice: "A" }, compare)).toEqual({
      modelA: "a",
      modelB: "b",
      choice: "B",
      swapped: true,
    });
    expect(orientOutcome({ modelA: "a", modelB: "b", choice: "A" }, compare).swapped).toBe(false);
  });

  it("modelComparator ranks listed models first, then code-point order", () => {
    expect(["b", "Z", "a", "c"].sort(modelComparator(["c"]))).toEqual(["c", "Z", "a", "b"]);
  });

  it("tallyChoices counts every category", () => {
    expect(tallyChoices("x", "y", ["A", "A", "B", "tie", "both_bad", "both_bad"])).toEqual({
      modelA: "x",
      modelB: "y",
      winsA: 2,
      winsB: 1,
      ties: 1,
      bothBad: 2,
      n: 6,
    });
  });
});

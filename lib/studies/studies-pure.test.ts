import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeEachSource } from "@/tests/support/each-data-source";
import { chooseShownLeft, toModelChoice } from "./choose-shown-left";
import { createRng } from "@/lib/random";
import { summarisePairs, type Judgement } from "@/lib/stats";
import { degradeOutput } from "./degrade-output";
import { normaliseInstruction } from "./normalise-instruction";
import { parseMultiOutputJsonl } from "./parse-outputs";
import { planComparisons } from "./plan-comparisons";
import { excerptAround, revealsIdentity } from "./reveals-identity";
import { statsModelOrder } from "./stats-model-order";

describe("prompt matching", () => {
  it("ignores case, Unicode form and whitespace, but not wording", () => {
    expect(normaliseInstruction("  What is\tHbA1c?\n")).toBe(normaliseInstruction("what is hba1c?"));
    expect(normaliseInstruction("ｆｅｖｅｒ")).toBe("fever");
    expect(normaliseInstruction("What is HbA1c?")).not.toBe(normaliseInstruction("What is HbA1?"));
    expect(normaliseInstruction("Summarise", "text one")).not.toBe(
      normaliseInstruction("Summarise", "text two"),
    );
  });
});

describe("identity-revealing outputs", () => {
  it.each([
    "As ChatGPT, I cannot give medical advice.",
    "I am Claude, an assistant.",
    "As an AI developed by OpenAI, I recommend seeing a doctor.",
    "I'm GPT-4 and here is my answer",
    "This model was trained by Anthropic.",
  ])("flags %s", (text) => expect(revealsIdentity(text)).toBe(true));
  it.each([
    "As a clinician, I would check the HbA1c.",
    "Claude Bernard described homeostasis.",
    "As an AI language model, I cannot diagnose.",
  ])("does not flag %s", (text) => expect(revealsIdentity(text)).toBe(false));
  it("shows the admin the part of a long output that names the model", () => {
    const text = `${"Fluids and rest. ".repeat(30)}As ChatGPT, I cannot examine you. ${"See a doctor. ".repeat(30)}`;
    const excerpt = excerptAround(text);
    expect(excerpt).toContain("As ChatGPT, I cannot examine you.");
    expect(excerpt.startsWith("…") && excerpt.endsWith("…")).toBe(true);
    expect(excerptAround("As ChatGPT, no.")).toBe("As ChatGPT, no.");
  });
});

describeEachSource("alpacare/MedInstruct-test.jsonl", "MedInstruct-test import", (MED) => {
  it("reads 216 prompts with four models' outputs, -answer stripped", () => {
    const { outputs, badLines } = parseMultiOutputJsonl(readFileSync(MED, "utf8"));
    expect(badLines).toEqual([]);
    const models = [...new Set(outputs.map((o) => o.model))].sort();
    expect(models).toEqual(["claude-2", "gpt-3.5-turbo", "gpt-4", "text-davinci-003"]);
    expect(new Set(outputs.map((o) => o.instruction)).size).toBe(216);
    expect(parseMultiOutputJsonl(readFileSync(MED, "utf8"), ["gpt-4"]).outputs).toHaveLength(216);
  });
});

describe("multi-output lines", () => {
  it("reports lines that are not JSON objects with an instruction", () => {
    expect(
      parseMultiOutputJsonl('{"instruction":"a","m":"x"}\nnot json\n[1]\n{"output":"y"}').badLines,
    ).toEqual([2, 3, 4]);
  });
});

describe("comparison plan", () => {
  const prompts = [
    { id: "p1", models: ["a", "b", "c"] },
    { id: "p2", models: ["a", "c"] },
  ];
  it("all pairs per prompt, skipping pairs with a missing output", () => {
    const plan = planComparisons({
      prompts,
      models: ["c", "a", "b"],
      design: "all_pairs",
      reference: null,
      attentionCheckShare: 0,
      seed: "s",
    });
    expect(plan.comparisons.map((c) => `${c.promptId}:${c.modelA}-${c.modelB}`)).toEqual([
      "p1:a-b",
      "p1:a-c",
      "p1:b-c",
      "p2:a-c",
    ]);
    expect(plan.skipped).toEqual([{ promptId: "p2", missing: ["b"] }]);
  });
  it("vs reference puts the reference as model B, and attention checks degrade one side of copies", () => {
    const plan = planComparisons({
      prompts,
      models: ["a", "b", "c"],
      design: "vs_reference",
      reference: "c",
      attentionCheckShare: 0.5,
      seed: "s",
    });
    const regular = plan.comparisons.filter((c) => c.kind === "regular");
    expect(regular.every((c) => c.modelB === "c")).toBe(true);
    expect(regular).toHaveLength(3);
    const checks = plan.comparisons.filter((c) => c.kind === "attention");
    expect(checks).toHaveLength(2);
    expect(checks.every((c) => c.degradedModel === c.modelA || c.degradedModel === c.modelB)).toBe(true);
  });
});

describe("sides", () => {
  /** A draw that answers from a fixed list, recording the range it was asked for. */
  const scripted = (answers: number[]) => {
    const asked: number[] = [];
    const draw = (n: number) => {
      asked.push(n);
      return answers[asked.length - 1] ?? 0;
    };
    return { draw, asked };
  };

  it("is Efron's biased coin: fair when balanced, 2 in 3 toward the lagging side otherwise", () => {
    const balanced = scripted([0, 1]);
    expect(chooseShownLeft({ leftA: 4, leftB: 4 }, balanced.draw)).toBe("A");
    expect(chooseShownLeft({ leftA: 4, leftB: 4 }, balanced.draw)).toBe("B");
    expect(balanced.asked).toEqual([2, 2]);
    // Draws 0 and 1 of 3 go to the side shown on the left less often, 2 to the other one.
    const lagA = scripted([0, 1, 2]);
    expect([0, 1, 2].map(() => chooseShownLeft({ leftA: 3, leftB: 5 }, lagA.draw))).toEqual(["A", "A", "B"]);
    const lagB = scripted([0, 1, 2]);
    expect([0, 1, 2].map(() => chooseShownLeft({ leftA: 5, leftB: 3 }, lagB.draw))).toEqual(["B", "B", "A"]);
    expect(lagB.asked).toEqual([3, 3, 3]);
  });

  it("is not a deterministic function of the counts: the server's random draw decides", () => {
    for (const counts of [
      { leftA: 0, leftB: 0 },
      { leftA: 3, leftB: 5 },
      { leftA: 9, leftB: 2 },
    ]) {
      const sides = Array.from({ length: 300 }, () => chooseShownLeft(counts));
      const a = sides.filter((s) => s === "A").length;
      // Either side occurs for the same counts (chance of a one-sided run of 300: < 1e-50).
      expect(a, JSON.stringify(counts)).toBeGreaterThan(0);
      expect(a, JSON.stringify(counts)).toBeLessThan(300);
    }
    // The lagging side is favoured about 2:1 (mean 200 of 300, SD 8.2: a 7 SD margin).
    const lagging = Array.from({ length: 300 }, () => chooseShownLeft({ leftA: 3, leftB: 5 })).filter(
      (s) => s === "A",
    ).length;
    expect(lagging).toBeGreaterThan(140);
    expect(lagging).toBeLessThan(260);
  });

  it("keeps a pair balanced over 2,000 sequential assignments", () => {
    const rng = createRng("efron-balance", "xoshiro128**");
    const counts = { leftA: 0, leftB: 0 };
    let worst = 0;
    for (let i = 0; i < 2000; i++) {
      if (chooseShownLeft(counts, (n) => rng.nextInt(n)) === "A") counts.leftA++;
      else counts.leftB++;
      worst = Math.max(worst, Math.abs(counts.leftA - counts.leftB));
    }
    // A fair coin strays by about √2000 ≈ 45; the biased coin stays within a few assignments.
    expect(worst).toBeLessThanOrEqual(15);
    expect(Math.abs(counts.leftA / 2000 - 0.5)).toBeLessThanOrEqual(0.005);
  });
  it("maps what the rater saw back to model terms", () => {
    expect(toModelChoice("A", "A")).toBe("A");
    expect(toModelChoice("A", "B")).toBe("B");
    expect(toModelChoice("B", "B")).toBe("A");
    expect(toModelChoice("tie", "B")).toBe("tie");
    expect(toModelChoice("both_bad", "A")).toBe("both_bad");
  });
});

describe("attention-check degradation", () => {
  it("keeps a shuffled third of the words, reproducibly", () => {
    const text = "Drink plenty of fluids, rest, and see a doctor if the fever lasts more than three days.";
    const d = degradeOutput(text, "c1");
    expect(d).toBe(degradeOutput(text, "c1"));
    expect(d.split(" ").length).toBe(Math.ceil(text.split(" ").length / 3));
    expect(d).not.toBe(text.split(" ").slice(0, d.split(" ").length).join(" "));
  });
});

describe("statistics orientation", () => {
  const prompts = [
    { id: "p1", models: ["gpt-4", "claude-2", "alpaca-7b"] },
    { id: "p2", models: ["gpt-4", "claude-2", "alpaca-7b"] },
  ];
  /** One vote per planned comparison, always for the stored model A. */
  const votesFor = (plan: ReturnType<typeof planComparisons>): Judgement[] =>
    plan.comparisons.map((c) => ({
      ...c,
      raterId: "r1",
      criterion: "correctness",
      shownLeft: "A",
      choice: "A",
    }));

  it.each([
    { design: "vs_reference" as const, reference: "claude-2" },
    { design: "vs_reference" as const, reference: "alpaca-7b" },
    { design: "all_pairs" as const, reference: null },
  ])(
    "keeps every planned comparison's model A and B ($design, reference $reference)",
    ({ design, reference }) => {
      const plan = planComparisons({
        prompts,
        models: ["gpt-4", "claude-2", "alpaca-7b"],
        design,
        reference,
        attentionCheckShare: 0,
        seed: "s",
      });
      const models = plan.comparisons.flatMap((c) => [c.modelA, c.modelB]);
      const summary = summarisePairs(votesFor(plan), {
        bootstrapRounds: 50,
        modelOrder: statsModelOrder(design, reference, models),
      });
      const planned = [...new Set(plan.comparisons.map((c) => `${c.modelA} vs ${c.modelB}`))].sort();
      expect(summary.pairs.map((p) => `${p.modelA} vs ${p.modelB}`).sort()).toEqual(planned);
      // Every vote was for the stored model A, so A's win rate is 1 in every row.
      expect(summary.pairs.every((p) => p.winsA === 2 && p.winsB === 0 && p.winRateA === 1)).toBe(true);
      if (reference) expect(summary.pairs.every((p) => p.modelB === reference)).toBe(true);
    },
  );

  it("without the order a reference that sorts first would be relabelled model A", () => {
    const plan = planComparisons({
      prompts,
      models: ["gpt-4", "claude-2"],
      design: "vs_reference",
      reference: "claude-2",
      attentionCheckShare: 0,
      seed: "s",
    });
    expect(summarisePairs(votesFor(plan), { bootstrapRounds: 50 }).pairs[0]).toMatchObject({
      modelA: "claude-2",
      winRateA: 0,
    });
    expect(statsModelOrder("vs_reference", "claude-2", ["claude-2", "gpt-4", "claude-2"])).toEqual([
      "gpt-4",
      "claude-2",
    ]);
  });
});

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chooseShownLeft, toModelChoice } from "./choose-shown-left";
import { degradeOutput } from "./degrade-output";
import { normaliseInstruction } from "./normalise-instruction";
import { parseMultiOutputJsonl } from "./parse-outputs";
import { planComparisons } from "./plan-comparisons";
import { excerptAround, revealsIdentity } from "./reveals-identity";

const MED = path.resolve(__dirname, "../../../shared/data/alpacare/MedInstruct-test.jsonl");

describe("prompt matching", () => {
  it("ignores case, Unicode form and whitespace, but not wording", () => {
    expect(normaliseInstruction("  What is\tHbA1c?\n")).toBe(normaliseInstruction("what is hba1c?"));
    expect(normaliseInstruction("ｆｅｖｅｒ")).toBe("fever");
    expect(normaliseInstruction("What is HbA1c?")).not.toBe(normaliseInstruction("What is HbA1?"));
    expect(normaliseInstruction("Summarise", "text one")).not.toBe(normaliseInstruction("Summarise", "text two"));
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
  it.each(["As a clinician, I would check the HbA1c.", "Claude Bernard described homeostasis.", "As an AI language model, I cannot diagnose."])(
    "does not flag %s",
    (text) => expect(revealsIdentity(text)).toBe(false),
  );
  it("shows the admin the part of a long output that names the model", () => {
    const text = `${"Fluids and rest. ".repeat(30)}As ChatGPT, I cannot examine you. ${"See a doctor. ".repeat(30)}`;
    const excerpt = excerptAround(text);
    expect(excerpt).toContain("As ChatGPT, I cannot examine you.");
    expect(excerpt.startsWith("…") && excerpt.endsWith("…")).toBe(true);
    expect(excerptAround("As ChatGPT, no.")).toBe("As ChatGPT, no.");
  });
});

describe("MedInstruct-test import", () => {
  it("reads 216 prompts with four models' outputs, -answer stripped", () => {
    const { outputs, badLines } = parseMultiOutputJsonl(readFileSync(MED, "utf8"));
    expect(badLines).toEqual([]);
    const models = [...new Set(outputs.map((o) => o.model))].sort();
    expect(models).toEqual(["claude-2", "gpt-3.5-turbo", "gpt-4", "text-davinci-003"]);
    expect(new Set(outputs.map((o) => o.instruction)).size).toBe(216);
    expect(parseMultiOutputJsonl(readFileSync(MED, "utf8"), ["gpt-4"]).outputs).toHaveLength(216);
  });
  it("reports lines that are not JSON objects with an instruction", () => {
    expect(parseMultiOutputJsonl('{"instruction":"a","m":"x"}\nnot json\n[1]\n{"output":"y"}').badLines).toEqual([2, 3, 4]);
  });
});

describe("comparison plan", () => {
  const prompts = [
    { id: "p1", models: ["a", "b", "c"] },
    { id: "p2", models: ["a", "c"] },
  ];
  it("all pairs per prompt, skipping pairs with a missing output", () => {
    const plan = planComparisons({ prompts, models: ["c", "a", "b"], design: "all_pairs", reference: null, attentionCheckShare: 0, seed: "s" });
    expect(plan.comparisons.map((c) => `${c.promptId}:${c.modelA}-${c.modelB}`)).toEqual(["p1:a-b", "p1:a-c", "p1:b-c", "p2:a-c"]);
    expect(plan.skipped).toEqual([{ promptId: "p2", missing: ["b"] }]);
  });
  it("vs reference puts the reference as model B, and attention checks degrade one side of copies", () => {
    const plan = planComparisons({ prompts, models: ["a", "b", "c"], design: "vs_reference", reference: "c", attentionCheckShare: 0.5, seed: "s" });
    const regular = plan.comparisons.filter((c) => c.kind === "regular");
    expect(regular.every((c) => c.modelB === "c")).toBe(true);
    expect(regular).toHaveLength(3);
    const checks = plan.comparisons.filter((c) => c.kind === "attention");
    expect(checks).toHaveLength(2);
    expect(checks.every((c) => c.degradedModel === c.modelA || c.degradedModel === c.modelB)).toBe(true);
  });
});

describe("sides", () => {
  it("balances by counts and breaks ties with a seeded coin", () => {
    expect(chooseShownLeft({ leftA: 3, leftB: 5 }, "x")).toBe("A");
    expect(chooseShownLeft({ leftA: 5, leftB: 3 }, "x")).toBe("B");
    const coins = Array.from({ length: 400 }, (_, i) => chooseShownLeft({ leftA: 0, leftB: 0 }, `seed-${i}`));
    expect(coins.filter((c) => c === "A").length).toBeGreaterThan(150);
    expect(coins.filter((c) => c === "A").length).toBeLessThan(250);
    expect(chooseShownLeft({ leftA: 0, leftB: 0 }, "same")).toBe(chooseShownLeft({ leftA: 0, leftB: 0 }, "same"));
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

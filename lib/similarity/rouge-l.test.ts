import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeEachSource } from "@/tests/support/each-data-source";
import { createRng } from "../random";
import { lcsLengthDp } from "./lcs-dp";
import { rougeL, rougeLFromLcs, rougeLTokens } from "./rouge-l";
import { rougeTokenize } from "./tokenize";

/** The scoring path of rouge_score written out naively: DP table + the same float arithmetic. */
function referenceRougeL(target: string, prediction: string): number {
  const t = rougeTokenize(target);
  const p = rougeTokenize(prediction);
  if (t.length === 0 || p.length === 0) return 0;
  const lcs = lcsLengthDp(t, p);
  const precision = lcs / p.length;
  const recall = lcs / t.length;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

describe("rougeL", () => {
  it("reproduces the rouge_score README example", () => {
    // RougeScorer(['rougeL']).score('The quick brown fox jumps over the lazy dog',
    //                              'The quick brown dog jumps on the log.')
    // -> Score(precision=0.625, recall=0.5555555555555556, fmeasure=0.5882352941176471)
    const s = rougeL("The quick brown fox jumps over the lazy dog", "The quick brown dog jumps on the log.");
    expect(s.precision).toBe(0.625);
    expect(s.recall).toBe(0.5555555555555556);
    expect(s.fmeasure).toBe(0.5882352941176471);
  });

  it("scores hand-computed medical instruction pairs", () => {
    // LCS "explain the pathophysiology of" = 4 of 6 and 5 tokens: P = 4/5, R = 4/6, F = 8/11.
    const a = rougeL(
      "Explain the pathophysiology of heart failure.",
      "Explain the pathophysiology of asthma",
    );
    expect(a.precision).toBe(0.8);
    expect(a.recall).toBe(4 / 6);
    expect(a.fmeasure).toBeCloseTo(8 / 11, 15);

    // Word order matters: LCS of "a b c" vs "c b a" is 1, F = 1/3.
    expect(rougeL("aspirin before surgery", "surgery before aspirin").fmeasure).toBeCloseTo(1 / 3, 15);

    // Tokenisation: "type-2" -> "type", "2", so these are identical token lists.
    expect(rougeL("Manage type-2 diabetes", "manage TYPE 2 Diabetes!").fmeasure).toBe(1);
  });

  it("gives 1 for identical text and 0 for disjoint or empty text", () => {
    expect(rougeL("List the side effects of metformin.", "List the side effects of metformin.")).toEqual({
      precision: 1,
      recall: 1,
      fmeasure: 1,
    });
    expect(rougeL("beta blockers", "insulin pump").fmeasure).toBe(0);
    expect(rougeL("", "anything")).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(rougeL("!!!", "???")).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
  });

  it("is symmetric in its F-measure, bit for bit", () => {
    const a = "Summarise the key findings of the attached discharge letter";
    const b = "Summarise the findings in the discharge summary for a patient";
    expect(rougeL(a, b).fmeasure).toBe(rougeL(b, a).fmeasure);
    expect(rougeL(a, b).precision).toBe(rougeL(b, a).recall);
  });

  it("counts repeated tokens correctly", () => {
    // "the the the" vs "the": LCS 1, P = 1, R = 1/3, F = 0.5.
    expect(rougeLTokens(["the", "the", "the"], ["the"]).fmeasure).toBe(0.5);
  });

  it("matches the straightforward DP implementation on random strings (seeded)", () => {
    const random = createRng("rouge-property", "mulberry32");
    const words = [
      "the",
      "patient",
      "dose",
      "mg",
      "of",
      "a",
      "explain",
      "heart",
      "failure",
      "BP",
      "120/80",
      "-",
      "Type-2",
    ];
    const sentence = (): string =>
      Array.from({ length: random.nextInt(60) }, () => words[random.nextInt(words.length)] ?? "").join(
        random.nextInt(3) === 0 ? "  " : " ",
      );
    const mismatches: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const a = sentence();
      const b = sentence();
      const expected = referenceRougeL(a, b);
      if (rougeL(a, b).fmeasure !== expected) mismatches.push(JSON.stringify({ a, b }));
    }
    expect(mismatches).toEqual([]);
  });
});

describeEachSource("alpacare/med_seed.json", "rougeL on seed instructions", (file) => {
  it("matches the DP implementation on every seed instruction", () => {
    const seeds = JSON.parse(readFileSync(file, "utf8")) as {
      instruction: string;
      input: string;
    }[];
    const texts = seeds.map((s) => `${s.instruction} ${s.input}`);
    for (let i = 0; i < texts.length; i++) {
      const a = texts[i] ?? "";
      const b = texts[(i * 7 + 3) % texts.length] ?? "";
      expect(rougeL(a, b).fmeasure).toBe(referenceRougeL(a, b));
    }
  });
});

describe("rougeLFromLcs", () => {
  it("returns zeros when either side is empty or nothing matches", () => {
    expect(rougeLFromLcs(0, 0, 5)).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(rougeLFromLcs(0, 4, 5)).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
  });
});

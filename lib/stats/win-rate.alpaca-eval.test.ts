import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeEachSource } from "@/tests/support/each-data-source";
import { countPairs } from "./pair-counts";
import type { Choice, Outcome } from "./types";
import { winRate } from "./win-rate";

// tatsu-lab/alpaca_eval results/alpaca-7b/alpaca_eval_gpt4/annotations.json, kept outside the repo
// (see its SOURCE.md). Its leaderboard row is in data_AlpacaEval/alpaca_eval_gpt4_leaderboard.csv:
//   alpaca-7b,26.45962733,1.53571147,205,584,16,805,minimal,396
// That file is not in the shared folder; the shared weighted_alpaca_eval_gpt4_turbo_leaderboard.csv
// is AlpacaEval 2.0 (a different annotator and annotations), where alpaca-7b is 2.59 / 0.49.
// The generated stand-in has the same preference counts, so the same leaderboard numbers.

interface Annotation {
  readonly generator_1: string;
  readonly generator_2: string;
  readonly preference: number;
}

/** AlpacaEval: 1 → output_1 preferred, 2 → output_2, 1.5 → draw; 0 is the legacy draw code. */
function choiceFor(preference: number): Choice {
  if (preference === 1) return "A";
  if (preference === 2) return "B";
  if (preference === 0 || preference === 1.5) return "tie";
  throw new RangeError(`unexpected AlpacaEval preference ${preference}`);
}

describeEachSource(
  "alpaca_eval/annotations.json",
  "AlpacaEval reproduction (alpaca-7b vs text_davinci_003, GPT-4 annotator)",
  (annotationsPath) => {
    const annotations = JSON.parse(readFileSync(annotationsPath, "utf8")) as Annotation[];
    const outcomes: Outcome[] = annotations.map((a) => ({
      modelA: a.generator_1,
      modelB: a.generator_2,
      choice: choiceFor(a.preference),
    }));

    it("reads the 805 annotations with the expected preference codes", () => {
      expect(annotations).toHaveLength(805);
      const codes = new Map<number, number>();
      for (const a of annotations) codes.set(a.preference, (codes.get(a.preference) ?? 0) + 1);
      expect(Object.fromEntries(codes)).toEqual({ 0: 16, 1: 584, 2: 205 });
    });

    it("matches the leaderboard counts, win rate 26.46 and standard error 1.54", () => {
      const pairs = countPairs(outcomes, { modelOrder: ["alpaca-7b"] });
      expect(pairs).toHaveLength(1);
      const [pair] = pairs;
      expect(pair).toMatchObject({
        modelA: "alpaca-7b",
        modelB: "text_davinci_003",
        winsA: 205,
        winsB: 584,
        ties: 16,
        bothBad: 0,
      });
      if (!pair) throw new Error("no pair");
      const result = winRate(pair);
      expect((result.winRate * 100).toFixed(2)).toBe("26.46");
      expect((result.standardError * 100).toFixed(2)).toBe("1.54");
      // And to the leaderboard's full printed precision.
      expect(result.winRate * 100).toBeCloseTo(26.45962733, 7);
      expect(result.standardError * 100).toBeCloseTo(1.53571147, 7);
    });
  },
);

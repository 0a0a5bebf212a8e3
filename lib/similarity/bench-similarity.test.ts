import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeEachSource } from "@/tests/support/each-data-source";
import { benchSimilarity, synthesizeSeeds } from "./bench-similarity";
import { rougeTokenize } from "./tokenize";

describeEachSource("alpacare/med_seed.json", "similarity benchmark corpus", (file) => {
  const instructions = (JSON.parse(readFileSync(file, "utf8")) as { instruction: string }[]).map(
    (s) => s.instruction,
  );

  describe("synthesizeSeeds", () => {
    it("is deterministic and produces seed-length texts", () => {
      const a = synthesizeSeeds(instructions, 200, "t");
      expect(a).toEqual(synthesizeSeeds(instructions, 200, "t"));
      const lengths = a.map((t) => rougeTokenize(t).length);
      // 15–40 words before mutation; deletions and hyphen splits move the token count a little.
      expect(Math.min(...lengths)).toBeGreaterThanOrEqual(8);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(70);
      const mean = lengths.reduce((x, y) => x + y, 0) / lengths.length;
      expect(mean).toBeGreaterThan(20);
      expect(mean).toBeLessThan(35);
    });
  });

  describe("benchSimilarity", () => {
    // Smoke test only: asserts it runs and returns a number, never how fast (machine-dependent).
    it("returns a positive per-query time on a small index", () => {
      const ms = benchSimilarity(instructions, { entries: 300, queries: 10 });
      expect(Number.isFinite(ms)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(0);
    });
  });
});

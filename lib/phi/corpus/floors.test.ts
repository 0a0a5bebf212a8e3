import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { detectPhi } from "../detect";
import { parseCorpus, scorePhi } from "../score";
import { PHI_KINDS } from "../types";

// The floors of issue 10, on the held-out test part (never used for tuning; see BENCHMARKS.md).
const score = scorePhi(
  parseCorpus(readFileSync(new URL("./test.jsonl", import.meta.url), "utf8")),
  detectPhi,
);

it("finds at least 97% of all identifiers in the test part", () => {
  expect(score.overall.recall).toBeGreaterThanOrEqual(0.97);
});

it.each(PHI_KINDS)("finds at least 90% of %s in the test part", (kind) => {
  const t = score.byKind[kind];
  expect(t?.labelled ?? 0).toBeGreaterThanOrEqual(20);
  expect(t?.recall ?? 0).toBeGreaterThanOrEqual(0.9);
});

it("keeps precision at 0.90 or more and findings in at most 3% of hard-negative sentences", () => {
  expect(score.precision).toBeGreaterThanOrEqual(0.9);
  expect(score.negativeFindingRate).toBeLessThanOrEqual(0.03);
  expect(score.negativeSentences).toBeGreaterThanOrEqual(100);
});

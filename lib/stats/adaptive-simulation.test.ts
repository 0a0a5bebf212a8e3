import { describe, expect, it } from "vitest";
import {
  bestFixedShares,
  ISSUE_LOG_STRENGTHS,
  simulateStudy,
  type SimulationRun,
  type TAllocationDesign,
} from "./adaptive-simulation";
import type { TAllocationGoal } from "./adaptive-allocation";

// The issue's study at test size: 20 paired studies, 200 bootstrap rounds. The full ≥ 200-study run
// with its curves is `npm run bench -- "Adaptive allocation"` (scripts/bench/adaptive-allocation.ts).
const STUDIES = 20;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function runMany(goal: TAllocationGoal, design: TAllocationDesign): SimulationRun[] {
  return Array.from({ length: STUDIES }, (_, seed) =>
    simulateStudy({
      seed,
      goal,
      design,
      checkEvery: goal === "ranking" ? 500 : 100,
      // A common budget, free of optional stopping: coverage there tests the intervals alone.
      coverageAt: goal === "ranking" ? 6000 : 4000,
    }),
  );
}

const needed = (runs: SimulationRun[]) => median(runs.map((r) => r.judgementsToGoal ?? Infinity));
const coverage = (runs: SimulationRun[]) =>
  runs.reduce((s, r) => s + r.covered, 0) / runs.reduce((s, r) => s + r.models, 0);
const coverageAtBudget = (runs: SimulationRun[]) =>
  runs.reduce((s, r) => s + r.coveredAtBudget!, 0) / runs.reduce((s, r) => s + r.models, 0);

describe("adaptive allocation, simulated (issue 17's 8 models, 10% ties, 200 prompts)", () => {
  it("settles the ranking with at least 40% fewer judgements than uniform, intervals still covering", () => {
    const uniform = runMany("ranking", "uniform");
    const adaptive = runMany("ranking", "adaptive");
    // A few uniform studies may need more than the cap; the median must not.
    expect(uniform.filter((r) => r.judgementsToGoal !== null).length).toBeGreaterThanOrEqual(STUDIES * 0.8);
    expect(needed(adaptive)).toBeLessThanOrEqual(0.6 * needed(uniform));
    // 160 intervals per design: 93% is the bench's target over 200 studies; allow sampling noise here.
    expect(coverage(uniform)).toBeGreaterThanOrEqual(0.88);
    expect(coverage(adaptive)).toBeGreaterThanOrEqual(0.88);
    expect(coverageAtBudget(uniform)).toBeGreaterThanOrEqual(0.88);
    expect(coverageAtBudget(adaptive)).toBeGreaterThanOrEqual(0.88);
  }, 120_000);

  it("narrows the widest rating interval no slower than uniform", () => {
    const uniform = runMany("ratings", "uniform");
    const adaptive = runMany("ratings", "adaptive");
    expect(needed(adaptive)).toBeLessThanOrEqual(needed(uniform));
    expect(coverage(adaptive)).toBeGreaterThanOrEqual(0.88);
    expect(coverageAtBudget(uniform)).toBeGreaterThanOrEqual(0.88);
    expect(coverageAtBudget(adaptive)).toBeGreaterThanOrEqual(0.88);
  }, 120_000);

  it("is seeded: the same seed hands out the same comparisons with the same reasons", () => {
    const options = { seed: "replay", goal: "ranking", design: "adaptive", maxJudgements: 400 } as const;
    const first = simulateStudy(options);
    const again = simulateStudy(options);
    expect(again.handedOut).toEqual(first.handedOut);
    expect(again.reasons).toEqual(first.reasons);
    expect(first.handedOut).toHaveLength(400);
    // Warm-up first (10 per pair × 28 pairs), then the adaptive rule or its coverage floor.
    expect(first.reasons.slice(0, 280).every((r) => r.rule === "warm-up")).toBe(true);
    expect(first.reasons.slice(280).some((r) => r.rule === "ranking")).toBe(true);
  });

  it("never hands a rater the same comparison twice", () => {
    const run = simulateStudy({
      seed: 4,
      goal: "ranking",
      design: "adaptive",
      maxJudgements: 1500,
      perRater: 300,
    });
    const seen = new Set(run.handedOut.map((h) => `${h.rater}:${h.promptId}:${h.modelA}:${h.modelB}`));
    expect(seen.size).toBe(run.handedOut.length);
  });

  it("derives the best fixed shares from the true strengths: close pairs get the most", () => {
    const shares = bestFixedShares("ranking", ISSUE_LOG_STRENGTHS, 2000);
    expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 10);
    // Pair order: (m0,m1) first, (m6,m7) last; m0–m1 is 0.1 apart, m6–m7 0.35.
    expect(shares[0]!).toBeGreaterThan(3 * shares[shares.length - 1]!);
  });

  it("records the curve at the points asked for and stops once the goal is met after the last one", () => {
    const run = simulateStudy({
      seed: 1,
      goal: "ratings",
      design: "uniform",
      curveAt: [500, 1000],
      checkEvery: 200,
    });
    expect(run.curve.map((p) => p.judgements)).toEqual([500, 1000]);
    expect(run.curve[1]!.value).toBeLessThan(run.curve[0]!.value);
    expect(run.judgementsToGoal).not.toBeNull();
    expect(run.handedOut).toHaveLength(Math.max(1000, run.judgementsToGoal!));
  });

  it("scores coverage at the common budget, going on past an earlier stop", () => {
    const base = { seed: 1, goal: "ratings", design: "uniform", checkEvery: 200 } as const;
    const stopped = simulateStudy(base);
    expect(stopped.coveredAtBudget).toBeNull();
    const budget = stopped.judgementsToGoal! + 600;
    const run = simulateStudy({ ...base, coverageAt: budget });
    // Same seed, same stop; the run then goes on to the budget and scores it.
    expect(run.judgementsToGoal).toBe(stopped.judgementsToGoal);
    expect(run.handedOut).toHaveLength(budget);
    expect(run.coveredAtBudget).toBeGreaterThanOrEqual(0);
    expect(run.coveredAtBudget).toBeLessThanOrEqual(run.models);
  });

  it("lets a full-round bootstrap decide the stop, a look or two from the cheap one's", () => {
    const base = { seed: 5, goal: "ratings", design: "uniform", checkEvery: 200 } as const;
    const cheap = simulateStudy(base);
    const full = simulateStudy({ ...base, finalRounds: 1000 });
    expect(full.judgementsToGoal).not.toBeNull();
    // The screen hands over only within 15% of the target, so the full bootstrap can stop a look or
    // two away from the cheap one, never far.
    expect(Math.abs(full.judgementsToGoal! - cheap.judgementsToGoal!)).toBeLessThanOrEqual(600);
  });
});

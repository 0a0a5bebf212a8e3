// Issue 17's simulation of adaptive allocation, as bench rows (`npm run bench -- "Adaptive"`): paired
// seeded studies under uniform, best fixed and adaptive allocation, the goal measured by the app's own
// prompt bootstrap. Pure CPU (no server); it also writes the curves to docs/adaptive-allocation-curves.md.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import {
  bestFixedShares,
  ISSUE_LOG_STRENGTHS,
  simulateStudy,
  type SimulationRun,
  type TAllocationDesign,
} from "../../lib/stats/adaptive-simulation";
import type { TAllocationGoal } from "../../lib/stats/adaptive-allocation";
import { median, type TBenchRow } from "./benchmarks";

export const ADAPTIVE_ROW = "Adaptive allocation (simulated)";

const DESIGNS: TAllocationDesign[] = ["uniform", "fixed", "adaptive"];
const RANKING_GRID = [2000, 4000, 6000, 8000, 10_000, 12_000, 16_000, 20_000, 25_000, 30_000];
const RATINGS_GRID = [1000, 2000, 3000, 4000, 5000, 6000, 8000];
const TARGET_WIDTH = 40;

type TRuns = Record<TAllocationDesign, SimulationRun[]>;

function runGoal(goal: TAllocationGoal, studies: number, step: (msg: string) => void): TRuns {
  const fixedShares = bestFixedShares(goal, ISSUE_LOG_STRENGTHS);
  const runs: TRuns = { uniform: [], fixed: [], adaptive: [] };
  for (let seed = 0; seed < studies; seed++) {
    for (const design of DESIGNS) {
      runs[design].push(
        simulateStudy({
          seed,
          goal,
          design,
          fixedShares,
          bootstrapRounds: 200,
          checkEvery: goal === "ranking" ? 250 : 100,
          maxJudgements: 40_000,
          targetWidth: TARGET_WIDTH,
          ...(goal === "ratings" ? { curveAt: RATINGS_GRID } : {}),
        }),
      );
    }
    if ((seed + 1) % 20 === 0) step(`${goal}: ${seed + 1}/${studies} studies`);
  }
  return runs;
}

const needed = (runs: SimulationRun[]) => median(runs.map((r) => r.judgementsToGoal ?? Infinity));
const coverage = (runs: SimulationRun[]) =>
  runs.reduce((s, r) => s + r.covered, 0) / runs.reduce((s, r) => s + r.models, 0);
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const fewer = (design: number, uniform: number) => `${Math.round(100 * (1 - design / uniform))}% fewer`;

function curvesMarkdown(studies: number, ranking: TRuns, ratings: TRuns, machine: string): string {
  const settledBy = (runs: SimulationRun[], n: number) =>
    runs.filter((r) => r.judgementsToGoal !== null && r.judgementsToGoal <= n).length / runs.length;
  const widthAt = (runs: SimulationRun[], n: number) =>
    median(runs.map((r) => r.curve.find((p) => p.judgements === n)?.value ?? Number.NaN));
  return [
    "# Adaptive allocation: the goal against judgements",
    "",
    'Written by `npm run bench -- "Adaptive"` (scripts/bench/adaptive-allocation.ts, lib/stats/adaptive-simulation.ts).',
    `Issue 17's study: 8 models, log-strengths ${ISSUE_LOG_STRENGTHS.join(", ")}; 10% ties; 200 prompts;`,
    `${studies} paired studies per design; 200-round prompt bootstrap (the app's own intervals). ${machine}`,
    "",
    "## Ranking: share of studies whose every adjacent order is settled at 95%",
    "",
    "| Judgements | Uniform | Best fixed | Adaptive |",
    "| ---: | ---: | ---: | ---: |",
    ...RANKING_GRID.map(
      (n) =>
        `| ${n.toLocaleString("en")} | ${DESIGNS.map((d) => pct(settledBy(ranking[d], n))).join(" | ")} |`,
    ),
    "",
    "## Ratings: median width of the widest 95% rating interval (Elo)",
    "",
    "| Judgements | Uniform | Best fixed | Adaptive |",
    "| ---: | ---: | ---: | ---: |",
    ...RATINGS_GRID.map(
      (n) =>
        `| ${n.toLocaleString("en")} | ${DESIGNS.map((d) => widthAt(ratings[d], n).toFixed(1)).join(" | ")} |`,
    ),
    "",
  ].join("\n");
}

/**
 * The simulation rows: judgements to settle the ranking, judgements to bring the widest interval
 * to 40 Elo, and coverage of the true ratings, each for uniform / best fixed / adaptive.
 */
export function runAdaptiveAllocationBenchmarks(
  studies = 200,
  step: (msg: string) => void = (msg) => console.log(`  ${msg}`),
): TBenchRow[] {
  const started = performance.now();
  const ranking = runGoal("ranking", studies, step);
  const ratings = runGoal("ratings", studies, step);
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  const machine = `Run took ${minutes} min on a shared 2-core machine (load ${os.loadavg()[0]?.toFixed(1)}).`;
  mkdirSync("docs", { recursive: true });
  writeFileSync("docs/adaptive-allocation-curves.md", curvesMarkdown(studies, ranking, ratings, machine));

  const rank = Object.fromEntries(DESIGNS.map((d) => [d, needed(ranking[d])])) as Record<
    TAllocationDesign,
    number
  >;
  const rate = Object.fromEntries(DESIGNS.map((d) => [d, needed(ratings[d])])) as Record<
    TAllocationDesign,
    number
  >;
  const coverages = DESIGNS.flatMap((d) => [coverage(ranking[d]), coverage(ratings[d])]);
  const notes = `median over ${studies} paired studies; curves in docs/adaptive-allocation-curves.md`;
  return [
    {
      name: `${ADAPTIVE_ROW}: judgements to settle the ranking (every adjacent order at 95%)`,
      target: "adaptive ≥ 40% fewer than uniform",
      result: {
        value: rank.adaptive,
        unit: "judgements",
        pass: rank.adaptive <= 0.6 * rank.uniform,
        display: `uniform ${rank.uniform}, best fixed ${rank.fixed} (${fewer(rank.fixed, rank.uniform)}), adaptive ${rank.adaptive} (${fewer(rank.adaptive, rank.uniform)})`,
        notes,
      },
    },
    {
      name: `${ADAPTIVE_ROW}: judgements until the widest 95% rating interval is ≤ ${TARGET_WIDTH} Elo`,
      target: "adaptive ≤ uniform",
      result: {
        value: rate.adaptive,
        unit: "judgements",
        pass: rate.adaptive <= rate.uniform,
        display: `uniform ${rate.uniform}, best fixed ${rate.fixed} (${fewer(rate.fixed, rate.uniform)}), adaptive ${rate.adaptive} (${fewer(rate.adaptive, rate.uniform)})`,
        notes,
      },
    },
    {
      name: `${ADAPTIVE_ROW}: 95% intervals containing the true rating, at the stop`,
      target: "≥ 93% under every design",
      result: {
        value: Math.min(...coverages),
        unit: "",
        pass: Math.min(...coverages) >= 0.93,
        display: DESIGNS.map(
          (d) =>
            `${d} ${pct(coverage(ranking[d]))} (ranking goal) / ${pct(coverage(ratings[d]))} (ratings goal)`,
        ).join("; "),
        notes: `${studies} studies × 8 models per design and goal`,
      },
    },
  ];
}

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
const RATINGS_GRID = [1000, 2000, 3000, 4000, 5000];
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
          checkEvery: goal === "ranking" ? 250 : 200,
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

const HEADER = ["| Judgements | Uniform | Best fixed | Adaptive |", "| ---: | ---: | ---: | ---: |"];

function curvesMarkdown(goal: TAllocationGoal, studies: number, runs: TRuns, machine: string): string {
  const settledBy = (r: SimulationRun[], n: number) =>
    r.filter((x) => x.judgementsToGoal !== null && x.judgementsToGoal <= n).length / r.length;
  const widthAt = (r: SimulationRun[], n: number) =>
    median(r.map((x) => x.curve.find((p) => p.judgements === n)?.value ?? Number.NaN));
  const table =
    goal === "ranking"
      ? [
          "Share of studies whose every adjacent order is settled at 95% (difference interval excludes 0).",
          "",
          ...HEADER,
          ...RANKING_GRID.map(
            (n) =>
              `| ${n.toLocaleString("en")} | ${DESIGNS.map((d) => pct(settledBy(runs[d], n))).join(" | ")} |`,
          ),
        ]
      : [
          "Median width of the widest 95% rating interval (Elo).",
          "",
          ...HEADER,
          ...RATINGS_GRID.map(
            (n) =>
              `| ${n.toLocaleString("en")} | ${DESIGNS.map((d) => widthAt(runs[d], n).toFixed(1)).join(" | ")} |`,
          ),
        ];
  return [
    `# Adaptive allocation, goal "${goal}": the goal against judgements`,
    "",
    'Written by `npm run bench -- "Adaptive"` (scripts/bench/adaptive-allocation.ts, lib/stats/adaptive-simulation.ts).',
    `Issue 17's study: 8 models, log-strengths ${ISSUE_LOG_STRENGTHS.join(", ")}; 10% ties; 200 prompts;`,
    `${studies} paired studies per design; 200-round prompt bootstrap (the app's own intervals). ${machine}`,
    "",
    ...table,
    "",
  ].join("\n");
}

/**
 * One goal's rows (judgements to reach it; coverage of the true ratings at the stop) for uniform /
 * best fixed / adaptive, and its curves written to docs/adaptive-allocation-<goal>.md.
 */
export function runAdaptiveGoal(
  goal: TAllocationGoal,
  studies = 200,
  step: (msg: string) => void = (msg) => console.log(`  ${msg}`),
): TBenchRow[] {
  const started = performance.now();
  const runs = runGoal(goal, studies, step);
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  const machine = `Run took ${minutes} min on a shared 2-core machine (load ${os.loadavg()[0]?.toFixed(1)}).`;
  mkdirSync("docs", { recursive: true });
  writeFileSync(`docs/adaptive-allocation-${goal}.md`, curvesMarkdown(goal, studies, runs, machine));
  const need = Object.fromEntries(DESIGNS.map((d) => [d, needed(runs[d])])) as Record<
    TAllocationDesign,
    number
  >;
  const notes = `median over ${studies} paired studies; curves in docs/adaptive-allocation-${goal}.md`;
  const ranking = goal === "ranking";
  return [
    {
      name: ranking
        ? `${ADAPTIVE_ROW}: judgements to settle the ranking (every adjacent order at 95%)`
        : `${ADAPTIVE_ROW}: judgements until the widest 95% rating interval is ≤ ${TARGET_WIDTH} Elo`,
      target: ranking ? "adaptive ≥ 40% fewer than uniform" : "adaptive ≤ uniform",
      result: {
        value: need.adaptive,
        unit: "judgements",
        pass: ranking ? need.adaptive <= 0.6 * need.uniform : need.adaptive <= need.uniform,
        display: `uniform ${need.uniform}, best fixed ${need.fixed} (${fewer(need.fixed, need.uniform)}), adaptive ${need.adaptive} (${fewer(need.adaptive, need.uniform)})`,
        notes,
      },
    },
    {
      name: `${ADAPTIVE_ROW}, goal ${goal}: 95% intervals containing the true rating, at the stop`,
      target: "≥ 93% under every design",
      result: {
        value: Math.min(...DESIGNS.map((d) => coverage(runs[d]))),
        unit: "",
        pass: DESIGNS.every((d) => coverage(runs[d]) >= 0.93),
        display: DESIGNS.map((d) => `${d} ${pct(coverage(runs[d]))}`).join(", "),
        notes: `${studies} studies × 8 models per design`,
      },
    },
  ];
}

/** Both goals' rows (see runAdaptiveGoal). */
export function runAdaptiveAllocationBenchmarks(studies = 200): TBenchRow[] {
  return [...runAdaptiveGoal("ranking", studies), ...runAdaptiveGoal("ratings", studies)];
}

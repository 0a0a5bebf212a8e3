// Issue 17's simulation of adaptive allocation, as bench rows (`npm run bench -- "Adaptive"`): paired
// seeded studies under uniform, best fixed and adaptive allocation, the goal measured by the app's own
// prompt bootstrap. Pure CPU (no server), the seeds split over worker threads (one per core); it also
// writes the curves to docs/adaptive-allocation-<goal>.md.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { Worker } from "node:worker_threads";
import {
  bestFixedShares,
  ISSUE_LOG_STRENGTHS,
  type SimulationRun,
  type TAllocationDesign,
} from "../../lib/stats/adaptive-simulation";
import type { TWorkerJob } from "./adaptive-worker";
import type { TAllocationGoal } from "../../lib/stats/adaptive-allocation";
import { median, type TBenchRow } from "./benchmarks";

export const ADAPTIVE_ROW = "Adaptive allocation (simulated)";

const DESIGNS: TAllocationDesign[] = ["uniform", "fixed", "adaptive"];
const RANKING_GRID = [2000, 4000, 6000, 8000, 10_000, 12_000, 16_000, 20_000, 25_000, 30_000];
const RATINGS_GRID = [1000, 2000, 3000, 4000, 5000];
const TARGET_WIDTH = 40;

/** The app's results page bootstraps 1000 rounds: that bootstrap decides the stop and is scored. */
const FINAL_ROUNDS = 1000;
/** Common budgets where coverage is scored free of optional stopping (about adaptive's median stop). */
const BUDGET: Record<TAllocationGoal, number> = { ranking: 6000, ratings: 4000 };

type TRun = Omit<SimulationRun, "handedOut" | "reasons">;
type TRuns = Record<TAllocationDesign, TRun[]>;

async function runGoal(goal: TAllocationGoal, studies: number, step: (msg: string) => void): Promise<TRuns> {
  const options: TWorkerJob["options"] = {
    goal,
    fixedShares: bestFixedShares(goal, ISSUE_LOG_STRENGTHS),
    bootstrapRounds: 200,
    finalRounds: FINAL_ROUNDS,
    coverageAt: BUDGET[goal],
    checkEvery: goal === "ranking" ? 250 : 200,
    maxJudgements: 40_000,
    targetWidth: TARGET_WIDTH,
    ...(goal === "ratings" ? { curveAt: RATINGS_GRID } : {}),
  };
  const runs: TRuns = { uniform: [], fixed: [], adaptive: [] };
  const workers = Math.max(1, Math.min(2, os.availableParallelism()));
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const job: TWorkerJob = {
        seeds: Array.from({ length: studies }, (_, seed) => seed).filter((seed) => seed % workers === w),
        designs: DESIGNS,
        options,
      };
      return new Promise<void>((resolve, reject) => {
        // Workers do not inherit tsx's loader (`--import tsx`), so each registers it before the import.
        const file = new URL("./adaptive-worker.ts", import.meta.url).href;
        const boot = `import("tsx/esm/api").then((tsx) => tsx.tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)}));`;
        const worker = new Worker(boot, { eval: true, workerData: job });
        worker.on(
          "message",
          ({ seed, design, run }: { seed: number; design: TAllocationDesign; run: TRun }) => {
            // Indexed by seed, so the result does not depend on which worker finished first.
            runs[design][seed] = run;
            if (++done % (20 * DESIGNS.length) === 0)
              step(`${goal}: ${done / DESIGNS.length}/${studies} studies`);
          },
        );
        worker.on("error", reject);
        worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker exit ${code}`))));
      });
    }),
  );
  return runs;
}

const needed = (runs: TRun[]) => median(runs.map((r) => r.judgementsToGoal ?? Infinity));
const coverage = (runs: TRun[]) =>
  runs.reduce((s, r) => s + r.covered, 0) / runs.reduce((s, r) => s + r.models, 0);
/** Runs that ended before the budget (none do: the runs go on to it) count as not covered. */
const coverageAtBudget = (runs: TRun[]) =>
  runs.reduce((s, r) => s + (r.coveredAtBudget ?? 0), 0) / runs.reduce((s, r) => s + r.models, 0);
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const fewer = (design: number, uniform: number) => `${Math.round(100 * (1 - design / uniform))}% fewer`;

const HEADER = ["| Judgements | Uniform | Best fixed | Adaptive |", "| ---: | ---: | ---: | ---: |"];

function curvesMarkdown(goal: TAllocationGoal, studies: number, runs: TRuns, machine: string): string {
  const settledBy = (r: TRun[], n: number) =>
    r.filter((x) => x.judgementsToGoal !== null && x.judgementsToGoal <= n).length / r.length;
  const widthAt = (r: TRun[], n: number) =>
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
    `${studies} paired studies per design; the app's own prompt bootstrap: 200 rounds at each look${goal === "ratings" ? " and for the widths below" : ""},`,
    `${FINAL_ROUNDS} rounds (the results page's) to decide the stop. ${machine}`,
    "",
    ...table,
    "",
  ].join("\n");
}

/**
 * One goal's rows (judgements to reach it; coverage of the true ratings at the stop and at a common
 * budget) for uniform / best fixed / adaptive, and its curves written to docs/adaptive-allocation-<goal>.md.
 */
export async function runAdaptiveGoal(
  goal: TAllocationGoal,
  studies = 200,
  step: (msg: string) => void = (msg) => console.log(`  ${msg}`),
): Promise<TBenchRow[]> {
  const started = performance.now();
  const runs = await runGoal(goal, studies, step);
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
      // The stop is what a researcher reports, so the row is scored there; the common budget has no
      // optional stopping, so it tests the interval method alone. Both must hold.
      name: `${ADAPTIVE_ROW}, goal ${goal}: 95% intervals containing the true rating, at the stop (and at ${BUDGET[goal]} judgements)`,
      target: "≥ 93% under every design",
      result: {
        value: Math.min(...DESIGNS.map((d) => coverage(runs[d]))),
        unit: "",
        pass: DESIGNS.every((d) => coverage(runs[d]) >= 0.93 && coverageAtBudget(runs[d]) >= 0.93),
        display: `at the stop ${DESIGNS.map((d) => `${d} ${pct(coverage(runs[d]))}`).join(", ")}; at ${BUDGET[goal]} judgements ${DESIGNS.map((d) => `${d} ${pct(coverageAtBudget(runs[d]))}`).join(", ")}`,
        notes: `${studies} studies × 8 models per design (binomial SE ${(100 * Math.sqrt((0.95 * 0.05) / (studies * 8))).toFixed(1)} points at 95%); intervals from the ${FINAL_ROUNDS}-round bootstrap that decided the stop`,
      },
    },
  ];
}

/** Both goals' rows (see runAdaptiveGoal). */
export async function runAdaptiveAllocationBenchmarks(studies = 200): Promise<TBenchRow[]> {
  return [...(await runAdaptiveGoal("ranking", studies)), ...(await runAdaptiveGoal("ratings", studies))];
}

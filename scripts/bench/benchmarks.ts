import { readFileSync } from "node:fs";
import { realDataFile } from "../../tests/support/real-data";
import { syntheticFile } from "../../tests/support/synthetic-data";
import { benchBradleyTerry, benchSummary } from "../../lib/stats/bench-bradley-terry";
import { benchSimilarity } from "../../lib/similarity/bench-similarity";
import { benchPhiScan, scanBenchText } from "../../lib/phi/bench-scan";

export type TBenchResult = {
  value: number;
  unit: string;
  /** null: no target to meet (reported for context). */
  pass: boolean | null;
  notes?: string;
  /** Shown instead of `value unit` (e.g. several percentiles). */
  display?: string;
  /** The same work done by PostgreSQL alone, and app ÷ PostgreSQL. */
  baseline?: { display: string; ratio: number };
};
export type TBenchmark = { name: string; target: string; run: () => Promise<TBenchResult> | TBenchResult };
export type TBenchRow = { name: string; target: string; result: TBenchResult };

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

const round = (v: number, digits = 1) => Number(v.toFixed(digits));

/** The real seed instructions where CLINREVIEW_REAL_DATA has them, else the generated stand-in. */
function seedInstructions(): string[] {
  const file = realDataFile("alpacare/med_seed.json") ?? syntheticFile("alpacare/med_seed.json");
  const seeds = JSON.parse(readFileSync(file, "utf8")) as { instruction: string }[];
  return seeds.map((s) => s.instruction);
}

export const BENCHMARKS: TBenchmark[] = [
  {
    name: "Preference statistics: Bradley–Terry + 1,000-round prompt bootstrap, 10,000 judgements × 8 models",
    target: "< 2,000 ms",
    run: () => {
      const ms = median([1, 2, 3, 4, 5].map(() => benchBradleyTerry()));
      return { value: round(ms, 0), unit: "ms", pass: ms < 2000 };
    },
  },
  {
    name: "Preference statistics, everything the results show (counts, win rates, Wilson, sign tests, agreement, position bias, Bradley–Terry bootstrap), 10,000 judgements × 8 models",
    target: "< 2,000 ms",
    run: () => {
      const ms = median([1, 2, 3, 4, 5].map(() => benchSummary()));
      return {
        value: round(ms, 0),
        unit: "ms",
        pass: ms < 2000,
        notes:
          "lib/stats summarisePairs, 1,000 bootstrap rounds; the data load from PostgreSQL is not included",
      };
    },
  },
  {
    name: "Seed near-duplicate check: ROUGE-L top-10 against 5,000 seeds (per keystroke query)",
    target: "< 100 ms",
    run: () => {
      const instructions = seedInstructions();
      const ms = median([1, 2, 3].map(() => benchSimilarity(instructions)));
      return {
        value: round(ms, 2),
        unit: "ms/query",
        pass: ms < 100,
        notes: "synthetic seeds built from AlpaCare's 167 instructions",
      };
    },
  },
  {
    name: "PHI scan (detectPhi) of a 2,000-character text (live warnings while typing)",
    target: "≤ 5 ms median",
    run: () => {
      const ms = median(benchPhiScan(scanBenchText(2000)));
      return {
        value: round(ms, 2),
        unit: "ms",
        pass: ms <= 5,
        notes:
          "sentences of the synthetic PHI corpus (identifiers and hard negatives), 200 timed scans after 20 warm-up scans",
      };
    },
  },
];

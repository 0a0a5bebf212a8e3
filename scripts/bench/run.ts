// `npm run bench`: runs the in-process benchmarks of scripts/bench/benchmarks.ts and the HTTP
// suite of scripts/bench/audit-http.ts, and writes BENCHMARKS.md with the machine described.
// Speed targets live here, never in timed tests. `npm run bench -- <text>` runs only the
// benchmarks (or suite) whose name contains <text> and prints the table instead of writing it;
// a part of "Claim and submit at saturation" (e.g. "saturation") runs the HTTP suite's queue rows
// alone, "export" its curated-export row, and "adaptive" the allocation simulation.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { ADAPTIVE_ROW, runAdaptiveAllocationBenchmarks } from "./adaptive-allocation";
import { ADAPTIVE_CLAIM_ROW, runAdaptiveClaimBenchmark } from "./adaptive-claim-http";
import { AUDIT_HTTP_SUITE, runAuditHttpBenchmarks } from "./audit-http";
import { CAPACITY_ROW, runCapacityBenchmarks } from "./capacity-http";
import { EXPORT_ROW, runExportBenchmark } from "./export-row";
import { BENCHMARKS, type TBenchResult, type TBenchRow } from "./benchmarks";
import { handWrittenSections } from "./hand-written";
import { phiAccuracySection } from "./phi-accuracy";
import { runVocabularyPageBenchmark, VOCABULARY_PAGE_ROW } from "./vocabulary-page";
import { runWorkScreenBenchmarks, WORK_SCREENS_ROW } from "./work-screens-browser";

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const mem = (os.totalmem() / 2 ** 30).toFixed(0);
  let distro = os.type();
  try {
    distro = /PRETTY_NAME="([^"]+)"/.exec(readFileSync("/etc/os-release", "utf8"))?.[1] ?? distro;
  } catch {
    // not Linux: the OS type is enough
  }
  return `${os.cpus().length} × ${cpu}, ${mem} GiB RAM, ${distro}, Node ${process.version}`;
}

const shown = (r: TBenchResult) => r.display ?? `${r.value} ${r.unit}`;
const meets = (r: TBenchResult) => (r.pass === null ? "—" : r.pass ? "yes" : "**no**");
const alone = (r: TBenchResult) =>
  r.baseline ? `${r.baseline.display} (app ×${r.baseline.ratio.toFixed(1)})` : "—";

async function main(): Promise<void> {
  const only = process.argv[2];
  const rows: TBenchRow[] = [];
  const report = (row: TBenchRow) => {
    const r = row.result;
    console.log(
      `${row.name}: ${shown(r)} (${r.pass === null ? "no target" : r.pass ? "meets" : "MISSES"} ${row.target})${r.baseline ? `; PostgreSQL alone: ${alone(r)}` : ""}`,
    );
    rows.push(row);
  };
  for (const b of BENCHMARKS) {
    if (only && !b.name.includes(only)) continue;
    console.log(`▶ ${b.name}…`);
    report({ name: b.name, target: b.target, result: await b.run() });
  }
  if (!only || AUDIT_HTTP_SUITE.includes(only)) {
    console.log(`▶ ${AUDIT_HTTP_SUITE} (production build, real PostgreSQL; several minutes)…`);
    for (const row of await runAuditHttpBenchmarks()) report(row);
  } else if (CAPACITY_ROW.includes(only)) {
    // "saturation", "Claim and submit": the queue rows alone, on a smaller dataset (capacity-http.ts).
    console.log(`▶ ${CAPACITY_ROW} (production build, real PostgreSQL; a few minutes)…`);
    for (const row of await runCapacityBenchmarks()) report(row);
  } else if (EXPORT_ROW.toLowerCase().includes(only.toLowerCase())) {
    // "export", "Curated export": the export row alone, on the same 52,002 records (export-row.ts).
    console.log(`▶ ${EXPORT_ROW} (production build, real PostgreSQL; a few minutes)…`);
    for (const row of await runExportBenchmark()) report(row);
  }
  if (!only || ADAPTIVE_ROW.toLowerCase().includes(only.toLowerCase())) {
    // "adaptive": issue 17's allocation simulation (pure CPU on worker threads, ~10+ minutes; adaptive-allocation.ts).
    console.log(`▶ ${ADAPTIVE_ROW} (200 paired studies × 3 allocations × 2 goals)…`);
    for (const row of await runAdaptiveAllocationBenchmarks()) report(row);
  }
  if (!only || (/claim/i.test(only) && ADAPTIVE_CLAIM_ROW.toLowerCase().includes(only.toLowerCase()))) {
    // "adaptive claim": issue 17's claim of an adaptive study against a uniform one's (adaptive-claim-http.ts).
    console.log(`▶ ${ADAPTIVE_CLAIM_ROW} (production build, real PostgreSQL; a few minutes)…`);
    for (const row of await runAdaptiveClaimBenchmark()) report(row);
  }
  if (!only || VOCABULARY_PAGE_ROW.includes(only)) {
    console.log(`▶ ${VOCABULARY_PAGE_ROW} (production build, real PostgreSQL, Chromium)…`);
    report(await runVocabularyPageBenchmark());
  }
  if (!only || WORK_SCREENS_ROW.includes(only)) {
    // "rendered", "Chromium": the work screens in a real browser (work-screens-browser.ts).
    console.log(`▶ ${WORK_SCREENS_ROW} (production build, real PostgreSQL, Chromium)…`);
    for (const row of await runWorkScreenBenchmarks()) report(row);
  }
  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (scripts/bench/). Each figure is the median of repeated runs on the",
    "machine below (latencies: percentiles over every request of one run); targets come from the",
    "issues. Timings are not asserted in tests, because shared machines are too noisy: this file is",
    "where regressions show. The HTTP rows run against the app as `npm start` runs it (production",
    "build; `APP_WORKERS` `next start` processes) on a throwaway PostgreSQL on the same machine,",
    "with the load generator on the same machine too; the",
    '"PostgreSQL alone" column is the same work without the app, and the app\'s multiple of it.',
    "The machine is shared with other work (2 cores), so absolute figures move between runs; the",
    "ratios to PostgreSQL alone, measured in the same run, move less.",
    "",
    `Machine: ${machine()}.`,
    `Measured: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    "",
    "| Benchmark | Result | Target | Meets | PostgreSQL alone | Notes |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.name} | ${shown(r.result)} | ${r.target} | ${meets(r.result)} | ${alone(r.result)} | ${r.result.notes ?? ""} |`,
    ),
    "",
  ];
  const phi = phiAccuracySection();
  // A full run rewrites the file: the sections written by hand are carried over (hand-written.ts).
  const existing = !only && existsSync("BENCHMARKS.md") ? readFileSync("BENCHMARKS.md", "utf8") : "";
  lines.push(...handWrittenSections(existing, phi), ...phi);
  if (!only) writeFileSync("BENCHMARKS.md", lines.join("\n"));
  else console.log(lines.join("\n"));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

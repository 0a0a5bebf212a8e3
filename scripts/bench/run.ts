// `npm run bench`: runs every benchmark in scripts/bench/benchmarks.ts and writes BENCHMARKS.md
// with the machine described. Speed targets live here, never in timed tests.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { BENCHMARKS, type TBenchResult } from "./benchmarks";

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

async function main(): Promise<void> {
  const only = process.argv[2];
  const rows: { name: string; target: string; result: TBenchResult }[] = [];
  for (const b of BENCHMARKS) {
    if (only && !b.name.includes(only)) continue;
    process.stdout.write(`▶ ${b.name}… `);
    const result = await b.run();
    console.log(`${result.value} ${result.unit} (${result.pass ? "meets" : "MISSES"} target ${b.target})`);
    rows.push({ name: b.name, target: b.target, result });
  }
  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (scripts/bench/). Each figure is the median of repeated runs on the",
    "machine below; targets come from the issues. Timings are not asserted in tests, because shared",
    "machines are too noisy: this file is where regressions show.",
    "",
    `Machine: ${machine()}.`,
    `Measured: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC.`,
    "",
    "| Benchmark | Result | Target | Meets | Notes |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.name} | ${r.result.value} ${r.result.unit} | ${r.target} | ${r.result.pass ? "yes" : "**no**"} | ${r.result.notes ?? ""} |`),
    "",
  ];
  if (!only) writeFileSync("BENCHMARKS.md", lines.join("\n"));
  else console.log(lines.join("\n"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

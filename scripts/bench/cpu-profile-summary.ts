// Where a server's CPU went: the V8 CPU profiles a bench run with BENCH_CPU_PROFILE=dir wrote
// (one per process), summed by where the code lives (Next, React, pg, Prisma, the app, Node) and
// by function. `node --import tsx scripts/bench/cpu-profile-summary.ts dir [top]`.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type TNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type TProfile = { nodes: TNode[]; samples: number[]; timeDeltas: number[] };

function areaOf(url: string): string {
  if (!url) return "(native, GC, idle)";
  if (url.startsWith("node:")) return "node";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1] ?? "node_modules";
  if (url.includes("/.next/") || url.includes("/.next-")) return "app bundle";
  return "other";
}

/**
 * Parts of a request, by the frames on a sample's stack (the first that matches wins; the order
 * matters): the split BENCHMARKS.md's "Where the CPU goes" table reports. Chunk names are
 * hashed per build, so the app's own code is one part; which of its chunks is what (the PHI scan
 * in that table) is read from the by-function list below and the chunk's source map.
 */
const PARTS: [string, RegExp][] = [
  [
    "start-up (module loading)",
    /Module\._load|instantiateModule|wrapSafe|loadComponentsImpl|unstable_preloadEntries/,
  ],
  [
    "pg: sending statements (socket writes) and the pool",
    /query@lib\/client\.js|_pulseQueryQueue|pg-pool\/index/,
  ],
  [
    "pg: parsing results",
    /pg-protocol|parser\.js|lib\/result\.js|handleReadyForQuery|handleDataRow|lib\/connection\.js/,
  ],
  ["gzip (answers without no-transform)", /node:zlib/],
  ["web streams (request and response bodies)", /webstreams|undici/],
  ["garbage collection", /^\(garbage collector\)/],
  ["HTTP parsing and answer writes", /_http_|parserOn|flushHeaders/],
  [
    "Next's request handling",
    /next-server|base-server|router-server|resolve-routes|router-utils|app-route|next\/dist/,
  ],
  ["AsyncLocalStorage hooks", /async_hooks/],
  ["the app's own code", /\.next\/server\/chunks\/|\.next-[^/]*\/server\/chunks\//],
];
const byPart = new Map<string, number>();

const [dir, topArg] = process.argv.slice(2);
if (!dir) throw new Error("usage: cpu-profile-summary.ts dir [top]");
const byArea = new Map<string, number>();
const byFunction = new Map<string, number>();
/** Inclusive: the samples with the function anywhere on their stack (counted once each). */
const inclusive = new Map<string, number>();
let total = 0;
const keyOf = (n: TNode) =>
  `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`;
for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
  const p = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as TProfile;
  const selfUs = new Map<number, number>();
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const parent = new Map<number, TNode>();
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n);
  for (const [id, us] of selfUs) {
    const leaf = byId.get(id);
    if (!leaf || leaf.callFrame.functionName === "(idle)") continue;
    const seen = new Set<string>();
    const frames: string[] = [];
    for (let n: TNode | undefined = leaf; n; n = parent.get(n.id)) {
      seen.add(keyOf(n));
      frames.push(`${n.callFrame.functionName}@${n.callFrame.url}`);
    }
    for (const k of seen) inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    if (leaf.callFrame.functionName !== "(program)") {
      const part =
        PARTS.find(([, re]) => frames.some((f) => re.test(f)))?.[0] ?? "Node internals, microtasks";
      byPart.set(part, (byPart.get(part) ?? 0) + us);
    }
  }
  for (const n of p.nodes) {
    const us = selfUs.get(n.id) ?? 0;
    if (n.callFrame.functionName === "(idle)" || us === 0) continue;
    total += us;
    const area = areaOf(n.callFrame.url);
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const fn = keyOf(n);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`busy CPU in all profiles: ${(total / 1e6).toFixed(1)} s`);
for (const [area, us] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`${pct(us)}  ${area}`);
// Wall-clock ticks while busy: a system call that yields the core (writev waking PostgreSQL) is
// over-weighted on a loaded machine.
const parts = [...byPart.values()].reduce((a, b) => a + b, 0);
console.log("\nby part of the request (share of busy samples, (program) left out):");
for (const [part, us] of [...byPart].sort((a, b) => b[1] - a[1]))
  console.log(`${((100 * us) / parts).toFixed(1).padStart(5)} %  ${part}`);
console.log("");
for (const [fn, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 40)))
  console.log(`${pct(us)}  ${fn}`);
console.log("\ninclusive (the function and what it called):");
for (const [fn, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 40) * 2))
  console.log(`${pct(us)}  ${fn}`);

// Where the vocabulary page's first render goes (issue 15, item 5), for the build in the dist dir
// given (run two builds back to back, e.g. main's and a branch's, so the shared machine's load is
// about the same for both): the server's time to first byte and to the last byte (node fetch, the
// session cookie), the browser's navigation timing, script and layout time (CDP), long tasks, the
// moment the 50th row is in the DOM and the moment React has hydrated it, and the bytes of HTML and
// JavaScript. Not a row of BENCHMARKS.md: a tool for reading one. One build per run:
//   for d in .next-before .next; do
//     node --conditions=react-server --import tsx scripts/bench/vocabulary-profile.ts $d; done
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { startBenchServer } from "./http-server";
import { summarize } from "./latency";
import { seedVocabulary } from "./vocabulary-page";

const LOADS = Number(process.env.LOADS ?? 12);
const TERMS = Number(process.env.TERMS ?? 10_000);

type TSample = Record<string, number>;

const med = (xs: number[]) => Math.round(summarize(xs).p50);

async function profile(dist: string): Promise<Record<string, number>> {
  process.env.NEXT_DIST_DIR = dist;
  const workDir = mkdtempSync(path.join(tmpdir(), "clinreview-vocab-profile-"));
  const server = await startBenchServer({ reviewers: 0, workDir });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const login = await seedVocabulary(TERMS);
    if (process.env.EXPLAIN) await explain();
    const context = await browser.newContext({ baseURL: server.baseUrl });
    const csrf = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await context.request.post("/api/auth/callback/credentials", {
      form: { ...login, csrfToken: csrf.csrfToken, json: "true", callbackUrl: "/" },
      maxRedirects: 0,
    });
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    // Server alone: the page and, for the shell's share, a small page in the same layout.
    const server1: TSample[] = [];
    for (let i = 0; i < LOADS + 2; i++) {
      const s: TSample = {};
      for (const [name, url] of [
        ["page", "/admin/vocabulary"],
        ["account", "/account"],
      ] as const) {
        const t0 = performance.now();
        const res = await fetch(`${server.baseUrl}${url}`, { headers: { cookie } });
        const reader = res.body?.getReader();
        let first = 0;
        let bytes = 0;
        for (;;) {
          const r = await reader?.read();
          if (!r || r.done) break;
          if (!first) first = performance.now() - t0;
          bytes += r.value.length;
        }
        s[`${name} TTFB`] = first;
        s[`${name} last byte`] = performance.now() - t0;
        s[`${name} KB`] = bytes / 1024;
      }
      if (i >= 2) server1.push(s);
    }
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration))).observe({
        type: "longtask",
        buffered: true,
      });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const metric = async () => {
      const { metrics } = await cdp.send("Performance.getMetrics");
      return (n: string) => metrics.find((m) => m.name === n)?.value ?? 0;
    };
    const browser1: TSample[] = [];
    const requests: string[] = [];
    page.on("request", (r) => {
      const h = r.headers();
      requests.push(h["next-router-prefetch"] ? "prefetch" : h.rsc ? "rsc" : r.resourceType());
    });
    for (let i = 0; i < LOADS + 2; i++) {
      requests.length = 0;
      const t0 = performance.now();
      await page.goto("/admin/vocabulary", { waitUntil: "commit" });
      await page.getByTestId("vocabulary-term").nth(49).waitFor();
      const rows = performance.now() - t0;
      await page.waitForFunction(() => {
        const el = document.querySelectorAll("[data-testid=vocabulary-term]")[49];
        return !!el && Object.keys(el).some((k) => k.startsWith("__reactFiber"));
      });
      const hydrated = performance.now() - t0;
      await page.waitForLoadState("load");
      // Whatever the page asks of the server once it stands (prefetches of the nav's links…).
      await page.waitForTimeout(Number(process.env.PAUSE ?? 0));
      const after = await metric();
      const count = (k: string) => requests.filter((r) => r === k).length;
      const t = await page.evaluate(() => {
        const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const js = performance
          .getEntriesByType("resource")
          .filter((r) => r.name.endsWith(".js"))
          .map((r) => r as PerformanceResourceTiming);
        const long = (window as unknown as { __long: number[] }).__long;
        return {
          ttfb: n.responseStart - n.startTime,
          htmlEnd: n.responseEnd - n.startTime,
          dcl: n.domContentLoadedEventEnd - n.startTime,
          load: n.loadEventEnd - n.startTime,
          jsKB: js.reduce((a, r) => a + r.decodedBodySize, 0) / 1024,
          jsFiles: js.length,
          longTasks: long.length,
          longMs: long.reduce((a, b) => a + b, 0),
          domNodes: document.getElementsByTagName("*").length,
        };
      });
      // Chromium resets these per document: what this navigation's document has spent.
      const d = (n: string) => after(n) * 1000;
      if (i >= 2)
        browser1.push({
          "50th row in DOM": rows,
          "50th row hydrated": hydrated,
          "nav TTFB": t.ttfb,
          "nav HTML end": t.htmlEnd,
          DCL: t.dcl,
          load: t.load,
          "script ms": d("ScriptDuration"),
          "layout+style ms": d("LayoutDuration") + d("RecalcStyleDuration"),
          "long tasks": t.longTasks,
          "long task ms": t.longMs,
          "JS KB (decoded)": t.jsKB,
          "JS files": t.jsFiles,
          "DOM elements": t.domNodes,
          "requests: document": count("document"),
          "requests: script": count("script"),
          "requests: fetch (API)": count("fetch"),
          "requests: RSC prefetch": count("prefetch"),
          "requests: RSC": count("rsc"),
        });
    }
    const out: Record<string, number> = {};
    for (const list of [server1, browser1])
      for (const k of Object.keys(list[0] ?? {})) out[k] = med(list.map((s) => s[k] ?? 0));
    return out;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The page's four queries (live and retired: a page and a count), as PostgreSQL runs them. */
async function explain(): Promise<void> {
  const { db } = await import("../../lib/db/prisma");
  await db().$executeRaw`ANALYZE "VocabularyTerm"`;
  const plans = [
    db().$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS)
      SELECT t.id::text AS id, t.kind::text AS kind, t.label, t.aliases, t."retiredAt" FROM "VocabularyTerm" t
       WHERE t."retiredAt" IS NULL ORDER BY t.label, t.id LIMIT 51`,
    db().$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS)
      SELECT count(*)::int AS total FROM "VocabularyTerm" t WHERE t."retiredAt" IS NULL`,
    db().$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS)
      SELECT t.id::text AS id FROM "VocabularyTerm" t
       WHERE t."retiredAt" IS NOT NULL ORDER BY t.label, t.id LIMIT 51`,
    db().$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS)
      SELECT count(*)::int AS total FROM "VocabularyTerm" t WHERE t."retiredAt" IS NOT NULL`,
  ];
  for (const p of plans) console.log((await p).map((r) => r["QUERY PLAN"]).join("\n"), "\n");
}

async function main() {
  // One build per process: the in-process database client keeps the first server's address.
  const dist = process.argv[2] ?? ".next";
  const r = await profile(dist);
  console.log(`\n${dist}: ${TERMS} terms, ${LOADS} loads, medians`);
  for (const [k, v] of Object.entries(r)) console.log(`| ${k} | ${v} |`);
  process.exit(0);
}

void main();

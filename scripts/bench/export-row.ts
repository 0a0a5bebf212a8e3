// The curated-export row (issue 13, item 4): part of the sample-audit suite (audit-http.ts), and
// runnable alone (`npm run bench -- "export"`) on the same 52,002 synthetic records, which is
// what the row measures.
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { callJson, type TCaller } from "./api-client";
import type { TBenchRow } from "./benchmarks";
import { median } from "./benchmarks";
import { createWholeDatasetCampaign, measureExport, measureStoredFile } from "./export-http";
import { cpuDuring, findPostmaster } from "./http-profile";
import { startBenchServer, type TBenchServer } from "./http-server";
import { importOnce } from "./import-http";
import { copyExportBaseline, vacuumAnalyze } from "./postgres-baseline";
import { RECORD_COUNT, writeSyntheticFiles } from "./synthetic-records";

export const EXPORT_ROW = "Curated export over HTTP";

const RUNS = 3;
const s = (ms: number) => (ms / 1000).toFixed(2);
const mb = (bytes: number) => (bytes / 1e6).toFixed(0);

/** Exports the whole-dataset campaign RUNS times over HTTP, then the COPY baseline, as one row. */
export async function exportRow(
  server: TBenchServer,
  admin: TCaller,
  datasetId: string,
  expectedLines: number,
  step: (msg: string) => void,
): Promise<TBenchRow> {
  step("export: a campaign over the whole dataset, reviews written by SQL…");
  const exportId = await createWholeDatasetCampaign(
    admin,
    server.databaseUrl,
    datasetId,
    server.reviewers.map((r) => r.userId),
  );
  // Fresh statistics and no dead rows left to autovacuum (as the capacity rows do before each run):
  // in the suite this follows the claim-cost campaign's 104,004 items written and rewritten, whose
  // autovacuum otherwise runs beside the export.
  const vacuumMs = await vacuumAnalyze(server.databaseUrl);
  const loadBefore = os.loadavg()[0]?.toFixed(1) ?? "?";
  const pgPid = await findPostmaster(server.databaseUrl);
  const exports: Awaited<ReturnType<typeof measureExport>>[] = [];
  // CPU each side spent on an export: on two shared cores, their sum bounds how fast it can be.
  const cpu: { app: number; pg: number | null; client: number }[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const run = await cpuDuring(server.pid, pgPid, () => measureExport(admin, exportId));
    exports.push(run.value);
    cpu.push({ app: run.appMs, pg: run.pgMs, client: run.clientMs });
    step(
      `  export ${i}/${RUNS}: ${s(run.value.ms)} s, ${run.value.lines} lines; CPU app ${s(run.appMs)} s, PostgreSQL ${run.pgMs === null ? "?" : s(run.pgMs)} s, client ${s(run.clientMs)} s`,
    );
  }
  const cpuNote = `CPU per export (median): app ${s(median(cpu.map((c) => c.app)))} s, PostgreSQL ${cpu[0]?.pg === null ? "?" : s(median(cpu.map((c) => c.pg ?? 0)))} s, this client ${s(median(cpu.map((c) => c.client)))} s`;
  if (exports.some((e) => e.lines !== expectedLines))
    throw new Error(`export gave ${exports[0]?.lines} lines, expected ${expectedLines}`);
  // The same file again, sent from the store (chunks read back): what every later download costs.
  const fromStore: Awaited<ReturnType<typeof measureStoredFile>>[] = [];
  for (const e of exports) fromStore.push(await measureStoredFile(admin, e.exportId));
  if (fromStore.some((e) => e.bytes !== exports[0]?.bytes))
    throw new Error("the stored file differs in size");
  step(`  from the store: ${fromStore.map((e) => s(e.ms)).join(", ")} s`);
  step(`COPY TO STDOUT baseline ×${RUNS}…`);
  const copyOut = await copyExportBaseline(server.databaseUrl, exportId, RUNS);
  const loadAfter = os.loadavg()[0]?.toFixed(1) ?? "?";
  const exportMs = median(exports.map((e) => e.ms));
  const copyOutMs = median(copyOut.times);
  return {
    name: `${EXPORT_ROW}: ${RECORD_COUNT.toLocaleString("en")} records (GET /api/v1/audits/:id/export)`,
    target: "< 3 s",
    result: {
      value: Number(s(exportMs)),
      unit: "s",
      pass: exportMs < 3_000,
      baseline: { display: `COPY TO STDOUT ${s(copyOutMs)} s`, ratio: exportMs / copyOutMs },
      notes: `median of ${RUNS}, to the last byte (${exports.map((e) => s(e.ms)).join(", ")} s; ${mb(exports[0]?.bytes ?? 0)} MB JSONL; ${cpuNote}; the client (node:http; BENCH_CLIENT=fetch for fetch) asks for gzip, but downloads are sent no-transform, uncompressed, so Next's level-6 gzip leaves them alone: lib/http/download-headers.ts); the stored file sent again from the store (GET /api/v1/exports/:id/file) median ${s(median(fromStore.map((e) => e.ms)))} s; a campaign sampling the whole dataset, 1 reviewer per item, its reviews (1 in 10 revised with a correction) written by SQL beforehand; baseline: COPY of the same items joined to records and reviews, in record order (${mb(copyOut.bytes)} MB); VACUUM ANALYZE first (${s(vacuumMs)} s); load average (1 min) ${loadBefore} before, ${loadAfter} after`,
    },
  };
}

/** The export row alone: the 52,002 synthetic records imported once, then exported. */
export async function runExportBenchmark(): Promise<TBenchRow[]> {
  const started = performance.now();
  const step = (msg: string) =>
    console.log(`  · [${((performance.now() - started) / 1000).toFixed(0)} s] ${msg}`);
  const workDir = mkdtempSync(path.join(tmpdir(), "clinreview-export-"));
  try {
    const jsonl = path.join(workDir, "records.jsonl");
    step(`writing ${RECORD_COUNT.toLocaleString("en")} synthetic records…`);
    const file = await writeSyntheticFiles(jsonl, path.join(workDir, "records.copy"));
    const server = await startBenchServer({ reviewers: 1, workDir });
    try {
      const admin: TCaller = { baseUrl: server.baseUrl, token: server.adminToken };
      step("import over HTTP…");
      const imported = await importOnce(admin, server.pid, jsonl, "bench export", file.count);
      step("warming up (the export route in every server process)…");
      const { id: warmId } = await callJson<{ id: string }>(
        admin,
        "POST",
        "/api/v1/audits",
        { datasetId: imported.id, sampleSize: 10, seed: "warm-up", reviewersPerItem: 1 },
        201,
      );
      for (let i = 0; i < 2 * server.workers; i++) await measureExport(admin, warmId);
      return [await exportRow(server, admin, imported.id, file.count, step)];
    } catch (err) {
      console.error(`npm start's output ended with:\n${server.logTail()}`);
      throw err;
    } finally {
      step("stopping the server and PostgreSQL…");
      await server.stop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

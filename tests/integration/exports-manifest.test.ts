// Issue 17 item 2: every export is stored (PostgreSQL chunks), described by a manifest written to
// the audit trail, and downloadable alone or as a bundle with its dataset card. Each download's
// SHA-256 is checked against its manifest.
import { unzipSync } from "fflate";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { parseInput } from "@/lib/errors/parse-input";
import { exportRoute, reportRoute, reviewsCsvRoute } from "@/lib/audits/result-routes";
import {
  exportFileRoute,
  exportManifestRoute,
  exportBundleRoute,
  listExportsRoute,
} from "@/lib/exports/export-routes";
import { textBody } from "@/lib/exports/export-body";
import {
  chunkWriter,
  completeExport,
  createExportRow,
  describeInBackground,
  EXPORT_CHUNK_BYTES,
  storeExport,
} from "@/lib/exports/store-export";
import { streamExport } from "@/lib/exports/stream-export";
import { createSeed } from "@/lib/seeds/create-seed";
import { exportSeedsRoute } from "@/lib/seeds/export-route";
import { reviewSeed } from "@/lib/seeds/review-seed";
import { ZReviewSeed } from "@/lib/seeds/schemas";
import { submitSeed } from "@/lib/seeds/submit-seed";
import { annotationsRoute, dpoRoute, judgementsCsvRoute } from "@/lib/studies/results-routes";
import { apiCaller, type TRouteHandler } from "../support/api-caller";
import {
  checkStoredDownload,
  reviewedCampaign,
  seedsExportSpec,
  sha,
  twoModelStudy,
} from "../support/export-fixtures";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { seedSetup } from "../support/seed-setup";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TCaller = Awaited<ReturnType<typeof apiCaller>>;
const checkDownload = checkStoredDownload;

/** Headache questions, every one reviewed: one in four rejected. */
const headacheCampaign = (admin: TCaller, fileText: string) =>
  reviewedCampaign(admin, fileText, {
    query: "name=Headaches&licence=cc-by-4.0",
    sampleSize: 8,
    review: (k) =>
      k % 4 === 0 ? { verdict: "reject", durationMs: 300 } : { verdict: "accept", durationMs: 300 },
  });

describe("stored exports with manifests", () => {
  it("seeds: the licence, filters and the seed.export row; researchers never see other statuses", async () => {
    const { author, reviewer, fields } = await seedSetup();
    for (const text of ["Explain stable angina.", "Describe the CURB-65 score."]) {
      const { id } = await createSeed(author, fields({ instruction: text }), ctx());
      await submitSeed(author, id, 1, ctx());
      await reviewSeed(reviewer, id, parseInput(ZReviewSeed, { baseVersion: 1, decision: "APPROVE" }), ctx());
    }
    const researcher = await apiCaller("RESEARCHER");
    const { manifest, text } = await checkDownload(
      researcher,
      exportSeedsRoute,
      "/api/v1/seeds/export?format=jsonl&licence=cc-by-4.0",
      {},
    );
    expect(text.trim().split("\n")).toHaveLength(2);
    expect(manifest).toMatchObject({
      licence: "cc-by-4.0",
      filters: { status: "approved", format: "jsonl" },
      export: { rows: 2, kind: "seeds.jsonl" },
      source: { type: "seeds", dataset: null },
      app: { name: "ClinReview", version: "0.1.0" },
    });
    const me = await db().user.findUniqueOrThrow({ where: { id: researcher.user.id } });
    expect(manifest.exportedBy.pseudonym).toBe(me.pseudonym);
    const legacy = await db().auditLog.findFirstOrThrow({ where: { action: "seed.export" } });
    expect(legacy.after).toMatchObject({ count: 2, complete: true, sha256: manifest.export.sha256 });

    // An admin's export of submitted seeds is not a researcher's to read.
    const admin = await apiCaller("ADMIN");
    const submitted = await admin.call(exportSeedsRoute, "/api/v1/seeds/export?status=submitted");
    const hidden = submitted.headers.get("x-export-id") ?? "";
    await submitted.arrayBuffer();
    const denied = await researcher.call(exportManifestRoute, `/api/v1/exports/${hidden}`, {
      params: { id: hidden },
    });
    expect(denied.status).toBe(403);
    const listed = await researcher.call(listExportsRoute, "/api/v1/exports?sourceType=seeds");
    const ids = ((await listed.json()) as { exports: { id: string }[] }).exports.map((e) => e.id);
    expect(ids).toEqual([manifest.export.id]);
    const adminList = await admin.call(listExportsRoute, "/api/v1/exports?sourceType=seeds");
    expect(((await adminList.json()) as { exports: unknown[] }).exports).toHaveLength(2);

    // bundle=1 on the old URL answers the zip straight away.
    const zipped = await researcher.call(exportSeedsRoute, "/api/v1/seeds/export?bundle=1");
    expect(zipped.headers.get("content-disposition")).toMatch(/-bundle\.zip"$/);
    expect(Object.keys(unzipSync(new Uint8Array(await zipped.arrayBuffer())))).toHaveLength(3);
  });

  it("audits: the dataset's file hash and licence, the campaign's configuration and acceptance", async () => {
    const admin = await apiCaller("ADMIN");
    const fileText = Array.from({ length: 8 }, (_, i) =>
      JSON.stringify({ instruction: `Question ${i}: what helps a headache?`, output: `Answer ${i}: rest.` }),
    ).join("\n");
    const { id, datasetId } = await headacheCampaign(admin, fileText);
    const dataset = await db().dataset.findUniqueOrThrow({ where: { id: datasetId } });
    expect(dataset.sha256).toBe(sha(fileText));
    expect(dataset.licence).toBe("cc-by-4.0");

    const researcher = await apiCaller("RESEARCHER");
    const curated = await checkDownload(researcher, exportRoute, `/api/v1/audits/${id}/export`, { id });
    expect(curated.manifest).toMatchObject({
      licence: "cc-by-4.0",
      export: { kind: "audit.curated", rows: 6 },
      source: {
        type: "audit_campaign",
        id,
        dataset: { id: datasetId, name: "Headaches", sha256: sha(fileText) },
        configuration: { sampleSize: 8, seed: "s", reviewersPerItem: 1, goldItems: 0, strata: null },
        summary: { acceptance: { successes: 6, n: 8 } },
      },
    });
    expect(curated.text.trim().split("\n")).toHaveLength(6);
    // The summary is the campaign report's own figures (tallied by the export as it reads: report-tally.ts).
    const report = (await (
      await researcher.call(reportRoute, `/api/v1/audits/${id}/report`, { params: { id } })
    ).json()) as {
      acceptance: unknown;
      agreement: { verdict: unknown };
      progress: unknown;
      verdicts: unknown;
    };
    expect(curated.manifest.source.summary).toEqual({
      acceptance: report.acceptance,
      verdictAgreement: report.agreement.verdict,
      progress: report.progress,
      verdicts: report.verdicts,
    });
    const reviews = await checkDownload(researcher, reviewsCsvRoute, `/api/v1/audits/${id}/reviews.csv`, {
      id,
    });
    expect(reviews.manifest.export.rows).toBe(8);
    // The download's own audit row is still written, once.
    expect(await db().auditLog.count({ where: { action: "audit.export", entityId: id } })).toBe(1);

    // A dataset imported before files were hashed says so.
    await db().dataset.update({ where: { id: datasetId }, data: { sha256: null } });
    const older = await checkDownload(researcher, exportRoute, `/api/v1/audits/${id}/export`, { id });
    expect(older.manifest.source.dataset?.sha256).toBe("unknown");
    const listed = await researcher.call(
      listExportsRoute,
      `/api/v1/exports?sourceType=audit_campaign&sourceId=${id}`,
    );
    expect(((await listed.json()) as { exports: { id: string }[] }).exports.map((e) => e.id)).toEqual([
      older.id,
      reviews.id,
      curated.id,
    ]);
  });

  it("studies: judgements CSV, AlpacaEval annotations and DPO pairs with design and win rates", async () => {
    const study = await twoModelStudy(
      "Pairs",
      ["What is HbA1c?", "What is a statin?"].map((instruction) => ({ instruction, input: "" })),
      { rated: true },
    );
    const researcher = await apiCaller("RESEARCHER");
    const base = `/api/v1/studies/${study.id}`;
    const params = { id: study.id };
    const csv = await checkDownload(
      researcher,
      judgementsCsvRoute,
      `${base}/judgements.csv?licence=cc-by-nc-4.0`,
      params,
    );
    expect(csv.card).toMatch(/^---\nlicense: cc-by-nc-4.0\n/);
    expect(csv.manifest).toMatchObject({
      licence: "cc-by-nc-4.0",
      export: { kind: "study.judgements_csv", rows: 2 },
      source: {
        type: "study",
        name: "Pairs",
        configuration: {
          design: "all_pairs",
          criteria: ["correctness"],
          allocation: "uniform",
          seed: study.seed,
        },
        summary: { winRates: [{ criterion: "correctness", n: 2 }] },
      },
    });
    const ann = await checkDownload(
      researcher,
      annotationsRoute,
      `${base}/annotations.json?criterion=correctness`,
      params,
    );
    expect(ann.manifest).toMatchObject({
      licence: "unknown",
      export: { rows: 2 },
      filters: { criterion: "correctness" },
    });
    const dpo = await checkDownload(
      researcher,
      dpoRoute,
      `${base}/dpo.jsonl?criterion=correctness&licence=mit`,
      params,
    );
    expect(dpo.manifest).toMatchObject({ licence: "mit", export: { rows: 2 } });
    const refused = await researcher.call(dpoRoute, `${base}/dpo.jsonl?criterion=correctness&licence=gpl`, {
      params,
    });
    expect(refused.status).toBe(400);
  });

  const bigSpec = { ...seedsExportSpec, filename: "big.jsonl" } as const;

  it("stores a big export in ~1 MB chunks and streams it back byte for byte, several chunks a query", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const caller = await apiCaller("ADMIN");
    // Across the reader's 4-chunk batches: fewer, exactly a batch, and just past a batch.
    for (const [size, chunks] of [
      [EXPORT_CHUNK_BYTES * 2 + 12_346, 3],
      [EXPORT_CHUNK_BYTES * 4, 4],
      [EXPORT_CHUNK_BYTES * 5 + 2, 6],
    ] as const) {
      // "é" is two bytes, the first ending a chunk: the read-back must not decode chunks as text.
      const text = "x".repeat(EXPORT_CHUNK_BYTES - 1) + "é".repeat((size - EXPORT_CHUNK_BYTES) / 2) + "\n";
      const stored = await storeExport(admin, bigSpec, textBody(text, 1), ctx());
      expect(await db().exportChunk.count({ where: { exportId: stored.id } })).toBe(chunks);
      // Stored as they are by default (EXPORT_CHUNK_COMPRESSION=none).
      expect(await db().exportChunk.count({ where: { exportId: stored.id, compression: null } })).toBe(
        chunks,
      );
      const res = await caller.call(exportFileRoute, `/api/v1/exports/${stored.id}/file`, {
        params: { id: stored.id },
      });
      expect(res.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
      expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(text));
    }
  });

  it("stores pieces of every size in exact chunks: a partial chunk topped up, whole chunks taken from inside a piece", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    // Pieces as producers yield them: views into larger buffers (a non-zero byteOffset), one
    // smaller than a chunk, one holding several chunks past a partial one, one ending exactly.
    const backing = Buffer.from("\u00e9".repeat(3 * EXPORT_CHUNK_BYTES), "utf8");
    const pieces = [
      backing.subarray(3, 1_000),
      backing.subarray(5_000, 5_000 + 2 * EXPORT_CHUNK_BYTES + 777),
      backing.subarray(1, 1 + EXPORT_CHUNK_BYTES),
      Buffer.from("tail\n"),
    ];
    const whole = Buffer.concat(pieces);
    const file = await createExportRow(admin, bigSpec, ctx());
    const writer = chunkWriter(file.id, "none");
    for (const p of pieces) await writer.push(p);
    expect(await writer.finish()).toEqual({ sha256: sha(whole), bytes: whole.byteLength });
    const kept = await db().exportChunk.findMany({ where: { exportId: file.id }, orderBy: { seq: "asc" } });
    expect(kept.map((c) => c.seq)).toEqual([0, 1, 2, 3]);
    expect(kept.slice(0, -1).every((c) => c.data.byteLength === EXPORT_CHUNK_BYTES)).toBe(true);
    expect(Buffer.concat(kept.map((c) => Buffer.from(c.data))).equals(whole)).toBe(true);
  });

  it("writes deflated chunks when asked and reads them back beside plain ones, byte for byte", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    // A character split at the chunk edge: its first bytes end a deflated chunk, the rest start a plain one.
    const text = "a".repeat(EXPORT_CHUNK_BYTES - 1) + "🩺".repeat(1000) + "\n";
    const bytes = Buffer.from(text, "utf8");
    const file = await createExportRow(admin, bigSpec, ctx());
    const writer = chunkWriter(file.id, "deflate");
    await writer.push(bytes);
    const facts = await writer.finish();
    expect(facts).toEqual({ sha256: sha(bytes), bytes: bytes.byteLength });
    const kept = await db().exportChunk.findMany({ where: { exportId: file.id }, orderBy: { seq: "asc" } });
    expect(kept.map((c) => c.compression)).toEqual(["deflate", "deflate"]);
    expect(kept[0]?.data.byteLength).toBeLessThan(EXPORT_CHUNK_BYTES / 4);
    // The second chunk as an export stored before compression, or with it off, holds it.
    await db().exportChunk.update({
      where: { exportId_seq: { exportId: file.id, seq: 1 } },
      data: { data: bytes.subarray(EXPORT_CHUNK_BYTES), compression: null },
    });
    const stored = await completeExport(
      admin,
      bigSpec,
      file,
      { ...facts, rows: 1 },
      describeInBackground(bigSpec),
      ctx(),
    );
    const caller = await apiCaller("ADMIN");
    const res = await caller.call(exportFileRoute, `/api/v1/exports/${stored.id}/file`, {
      params: { id: stored.id },
    });
    const back = Buffer.from(await res.arrayBuffer());
    expect(back.equals(bytes)).toBe(true);
    expect(sha(back)).toBe(stored.manifest.export.sha256);
    expect(stored.manifest.export.bytes).toBe(bytes.byteLength);
  });

  it("streams a first download while storing it, from pieces of any size, and stores the same bytes", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const pieces = Array.from({ length: 40 }, (_, i) =>
      new TextEncoder().encode(`${String(i % 10).repeat(70_001)}\n`),
    );
    const expected = Buffer.concat(pieces);
    const { id, stream } = await streamExport(admin, bigSpec, { chunks: pieces, rows: () => 40 }, ctx());
    // Not readable by anyone until its last byte is stored and the manifest committed.
    expect(await db().exportFile.count({ where: { id, completedAt: { not: null } } })).toBe(0);
    const sent = Buffer.from(await new Response(stream).arrayBuffer());
    expect(sha(sent)).toBe(sha(expected));
    const file = await db().exportFile.findUniqueOrThrow({ where: { id } });
    expect(file).toMatchObject({ sha256: sha(expected), bytes: BigInt(expected.byteLength), rows: 40 });
    expect(await db().exportChunk.count({ where: { exportId: id } })).toBe(3);
    const caller = await apiCaller("ADMIN");
    const again = await caller.call(exportFileRoute, `/api/v1/exports/${id}/file`, { params: { id } });
    expect(sha(new Uint8Array(await again.arrayBuffer()))).toBe(sha(expected));
  });

  it("errors the download, never ending it looking complete, when the completing transaction fails", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const text = "y".repeat(EXPORT_CHUNK_BYTES + 10) + "\n";
    const failing = {
      ...bigSpec,
      downloadAudit: () => {
        throw new Error("audit refused");
      },
    };
    const { id, stream } = await streamExport(admin, failing, textBody(text, 1), ctx());
    await expect(new Response(stream).arrayBuffer()).rejects.toThrow();
    expect(await db().exportFile.count({ where: { id } })).toBe(0);
    expect(await db().exportChunk.count({ where: { exportId: id } })).toBe(0);
    expect(await db().auditLog.count({ where: { action: "export.create", entityId: id } })).toBe(0);
  });

  it("is for researchers and admins only: clinicians are refused every export route", async () => {
    const admin = await apiCaller("ADMIN");
    const made = await admin.call(exportSeedsRoute, "/api/v1/seeds/export");
    const id = made.headers.get("x-export-id") ?? "";
    await made.arrayBuffer();
    const clinician = await apiCaller("CLINICIAN");
    const researcher = await apiCaller("RESEARCHER");
    const routes: [TRouteHandler, string][] = [
      [listExportsRoute, "/api/v1/exports?sourceType=seeds"],
      [exportManifestRoute, `/api/v1/exports/${id}`],
      [exportFileRoute, `/api/v1/exports/${id}/file`],
      [exportBundleRoute, `/api/v1/exports/${id}/bundle`],
    ];
    for (const [route, url] of routes) {
      const refused = await clinician.call(route, url, { params: { id } });
      expect(refused.status, url).toBe(403);
      for (const who of [admin, researcher]) {
        const ok = await who.call(route, url, { params: { id } });
        expect(ok.status, url).toBe(200);
        await ok.arrayBuffer();
      }
    }
    const unknown = "00000000-0000-4000-8000-000000000001";
    const missing = await admin.call(exportFileRoute, `/api/v1/exports/${unknown}/file`, {
      params: { id: unknown },
    });
    expect(missing.status).toBe(404);
    const bad = await admin.call(listExportsRoute, "/api/v1/exports?sourceType=study");
    expect(bad.status).toBe(400);
  });
});

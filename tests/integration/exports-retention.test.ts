// Retention of stored exports (lib/exports/sweep-exports.ts): abandoned builds go whole, completed
// exports past the retention are marked expired (410) and lose their chunks a grace period later,
// keeping their row, manifest and audit trail, so a download that began before the expiry gets
// every byte; sweeps running at once on several instances never handle an export twice.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import {
  exportBundleRoute,
  exportFileRoute,
  exportManifestRoute,
  listExportsRoute,
} from "@/lib/exports/export-routes";
import { textBody } from "@/lib/exports/export-body";
import { EXPORT_CHUNK_BYTES, storeExport } from "@/lib/exports/store-export";
import type { TManifest } from "@/lib/exports/manifest";
import { DOWNLOAD_GRACE_MS, sweepExports } from "@/lib/exports/sweep-exports";
import { apiCaller } from "../support/api-caller";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import {
  abandonedExport,
  completedExport,
  expectPlainDownload,
  seedsExportSpec as spec,
  sha,
} from "../support/export-fixtures";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const DAY = 24 * 3_600_000;
const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms);
const completed = completedExport;
const abandoned = abandonedExport;

const chunks = (exportId: string) => db().exportChunk.count({ where: { exportId } });

describe("the export sweep", () => {
  it("removes abandoned builds past the timeout and expires files past the retention, keeping manifests and audit rows", async () => {
    const admin = await makeUser("ADMIN");
    const oldDone = await completed(admin, 40 * DAY);
    const newDone = await completed(admin, 2 * DAY);
    const oldBuild = await abandoned(admin, 3 * HOUR);
    const newBuild = await abandoned(admin, 5 * 60_000);
    expect(await chunks(oldBuild)).toBe(2);

    const result = await sweepExports({ buildTimeoutMs: HOUR, retentionMs: 30 * DAY });
    expect(result).toEqual({ discarded: 1, expired: 1, purged: 0 });

    expect(await db().exportFile.count({ where: { id: oldBuild } })).toBe(0);
    expect(await chunks(oldBuild)).toBe(0);
    expect(await chunks(newBuild)).toBe(2);
    expect(await chunks(newDone)).toBe(2);
    // Expired, but its chunks stay for the grace (a download that began before reads them).
    expect(await chunks(oldDone)).toBe(2);
    const expired = await db().exportFile.findUniqueOrThrow({ where: { id: oldDone } });
    expect(expired.expiredAt).not.toBeNull();
    expect(expired.manifest).not.toBeNull();

    // The trail: the manifest's row stays, and each removal has its own row.
    expect(await db().auditLog.count({ where: { action: "export.create", entityId: oldDone } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "export.expire", entityId: oldDone } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "export.discard", entityId: oldBuild } })).toBe(1);

    const caller = await apiCaller("ADMIN");
    const p = { params: { id: oldDone } };
    expect((await caller.call(exportManifestRoute, `/api/v1/exports/${oldDone}`, p)).status).toBe(200);
    const gone = await caller.call(exportFileRoute, `/api/v1/exports/${oldDone}/file`, p);
    expect(gone.status).toBe(410);
    expect(gone.headers.get("content-type")).toMatch(/problem\+json/);
    expect((await caller.call(exportBundleRoute, `/api/v1/exports/${oldDone}/bundle`, p)).status).toBe(410);
    const listed = await caller.call(listExportsRoute, "/api/v1/exports?sourceType=seeds");
    expect(((await listed.json()) as { exports: { id: string }[] }).exports.map((e) => e.id)).toEqual([
      newDone,
    ]);

    // A second sweep before the grace is over finds nothing to do; one after it deletes the chunks.
    expect(await sweepExports({ buildTimeoutMs: HOUR, retentionMs: 30 * DAY })).toEqual({
      discarded: 0,
      expired: 0,
      purged: 0,
    });
    const later = new Date(Date.now() + DOWNLOAD_GRACE_MS + 60_000);
    expect(await sweepExports({ buildTimeoutMs: HOUR, retentionMs: 30 * DAY, now: later })).toMatchObject({
      expired: 0,
      purged: 1,
    });
    expect(await chunks(oldDone)).toBe(0);
    expect(await chunks(newDone)).toBe(2);
    expect(await db().auditLog.count({ where: { action: "export.expire", entityId: oldDone } })).toBe(1);
    // The deletion of the bytes is on the trail too, once, by the sweep (no actor).
    const purge = await db().auditLog.findMany({ where: { action: "export.purge" } });
    expect(purge.map((r) => [r.entityId, r.actorId])).toEqual([[oldDone, null]]);
  });

  it("lets a download that started before the expiry read every byte; later downloads answer 410", async () => {
    const admin = await makeUser("ADMIN");
    // Ten chunks of varied bytes: the stream reads them four a query, so most are read after the sweep.
    const line = (i: number) => `${i}:${"abcdefghij".repeat(50)}${i * 7919}\n`;
    let text = "";
    for (let i = 0; text.length < 9.5 * EXPORT_CHUNK_BYTES; i++) text += line(i);
    const stored = await storeExport(asCurrent(admin), spec, textBody(text, 1), ctx());
    await db().exportFile.update({
      where: { id: stored.id },
      data: { createdAt: ago(40 * DAY), completedAt: ago(40 * DAY) },
    });
    expect(await chunks(stored.id)).toBe(10);

    const caller = await apiCaller("ADMIN");
    const p = { params: { id: stored.id } };
    const manifest = (await (
      await caller.call(exportManifestRoute, `/api/v1/exports/${stored.id}`, p)
    ).json()) as TManifest;
    const res = await caller.call(exportFileRoute, `/api/v1/exports/${stored.id}/file`, p);
    expectPlainDownload(res, "the download");
    const reader = res.body!.getReader();
    const parts: Uint8Array[] = [];
    const first = await reader.read();
    if (first.value) parts.push(first.value);

    // Expired mid-download, by two instances at once.
    const policy = { buildTimeoutMs: HOUR, retentionMs: 30 * DAY };
    const swept = await Promise.all([sweepExports(policy), sweepExports(policy)]);
    expect(swept.reduce((n, r) => n + r.expired, 0)).toBe(1);
    expect((await caller.call(exportFileRoute, `/api/v1/exports/${stored.id}/file`, p)).status).toBe(410);

    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
    const bytes = Buffer.concat(parts);
    expect(bytes.byteLength).toBe(manifest.export.bytes);
    expect(sha(bytes)).toBe(manifest.export.sha256);
  });

  it("aborts a download whose chunks were deleted under it, never ending it short as if complete", async () => {
    const admin = await makeUser("ADMIN");
    const text = "q".repeat(9 * EXPORT_CHUNK_BYTES) + "\n";
    const stored = await storeExport(asCurrent(admin), spec, textBody(text, 1), ctx());
    const caller = await apiCaller("ADMIN");
    const res = await caller.call(exportFileRoute, `/api/v1/exports/${stored.id}/file`, {
      params: { id: stored.id },
    });
    const reader = res.body!.getReader();
    await reader.read();
    // What a sweep without the grace did: the chunks go while the download runs.
    await db().exportChunk.deleteMany({ where: { exportId: stored.id } });
    await expect(
      (async () => {
        for (;;) if ((await reader.read()).done) return "ended";
      })(),
    ).rejects.toThrow(/bytes stored/);
  });

  it("keeps every completed export when no retention is set", async () => {
    const admin = await makeUser("ADMIN");
    const old = await completed(admin, 4000 * DAY);
    expect(await sweepExports({ buildTimeoutMs: HOUR, retentionMs: null })).toEqual({
      discarded: 0,
      expired: 0,
      purged: 0,
    });
    expect(await chunks(old)).toBe(2);
  });

  it("lets several instances sweep at once without handling an export twice", async () => {
    const admin = await makeUser("ADMIN");
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await completed(admin, 40 * DAY));
    for (let i = 0; i < 4; i++) ids.push(await abandoned(admin, 2 * HOUR));
    const policy = { buildTimeoutMs: HOUR, retentionMs: 30 * DAY, batch: 2 };
    const results = await Promise.all([sweepExports(policy), sweepExports(policy), sweepExports(policy)]);
    expect(results.reduce((n, r) => n + r.expired, 0)).toBe(6);
    expect(results.reduce((n, r) => n + r.discarded, 0)).toBe(4);
    expect(await db().auditLog.count({ where: { action: "export.expire" } })).toBe(6);
    expect(await db().auditLog.count({ where: { action: "export.discard" } })).toBe(4);
    // The expired files' chunks stay for the grace, then the instances delete each set once.
    expect(await db().exportChunk.count()).toBe(12);
    const later = { ...policy, now: new Date(Date.now() + DOWNLOAD_GRACE_MS + 60_000) };
    const purges = await Promise.all([sweepExports(later), sweepExports(later), sweepExports(later)]);
    expect(purges.reduce((n, r) => n + r.purged, 0)).toBe(6);
    expect(await db().auditLog.count({ where: { action: "export.purge" } })).toBe(6);
    expect(await db().exportChunk.count()).toBe(0);
  });
});

// Retention of stored exports (lib/exports/sweep-exports.ts): abandoned builds go whole, completed
// exports past the retention lose their chunks but keep their row, manifest and audit trail, and
// sweeps running at once on several instances never handle an export twice.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import {
  exportBundleRoute,
  exportFileRoute,
  exportManifestRoute,
  listExportsRoute,
} from "@/lib/exports/export-routes";
import { sweepExports } from "@/lib/exports/sweep-exports";
import { apiCaller } from "../support/api-caller";
import { abandonedExport, completedExport } from "../support/export-fixtures";
import { makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const DAY = 24 * 3_600_000;
const HOUR = 3_600_000;
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
    expect(result).toEqual({ discarded: 1, expired: 1 });

    expect(await db().exportFile.count({ where: { id: oldBuild } })).toBe(0);
    expect(await chunks(oldBuild)).toBe(0);
    expect(await chunks(newBuild)).toBe(2);
    expect(await chunks(newDone)).toBe(2);
    expect(await chunks(oldDone)).toBe(0);
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

    // A second sweep finds nothing left to do.
    expect(await sweepExports({ buildTimeoutMs: HOUR, retentionMs: 30 * DAY })).toEqual({
      discarded: 0,
      expired: 0,
    });
  });

  it("keeps every completed export when no retention is set", async () => {
    const admin = await makeUser("ADMIN");
    const old = await completed(admin, 4000 * DAY);
    expect(await sweepExports({ buildTimeoutMs: HOUR, retentionMs: null })).toEqual({
      discarded: 0,
      expired: 0,
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
    expect(await db().exportChunk.count()).toBe(0);
  });
});

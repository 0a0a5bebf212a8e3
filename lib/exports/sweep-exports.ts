import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { pgTransaction, type PgTx } from "@/lib/db/pg-transaction";
import { sql } from "@/lib/db/sql";

export type TSweepPolicy = {
  /** An incomplete build begun longer ago than this is abandoned (its process died or gave up). */
  buildTimeoutMs: number;
  /** A completed export's file is deleted this long after it was made; null keeps every file. */
  retentionMs: number | null;
  now?: Date;
  /** Exports handled per transaction: short locks, and a big backlog is cleared a batch at a time. */
  batch?: number;
  /**
   * How long an expired file's chunks stay after it was marked expired (DOWNLOAD_GRACE_MS unless
   * a test says otherwise): a download that started before the mark reads them to the end.
   */
  graceMs?: number;
};

export type TSweepResult = { discarded: number; expired: number; purged: number };

/**
 * Expiry is two-phase. The sweep first marks a file expired: from then on it is not listed and a
 * new download answers 410, but its chunks stay. Only a sweep this much later deletes them, so a
 * download that began before the mark (it streams the chunks a few at a time, read-export.ts) still
 * gets every byte. A day is far longer than any download lasts (a 100 MB export at 100 kB/s takes
 * under 20 minutes); one that outlives it anyway is aborted, never sent short as if complete
 * (storedFileStream checks the byte count).
 */
export const DOWNLOAD_GRACE_MS = 24 * 3_600_000;

const iso = (d: Date) => d.toISOString();

/**
 * Abandoned builds: their rows go, their chunks by cascade. SKIP LOCKED: another instance sweeping
 * at the same moment takes other rows (or none), never waits on these or deletes them twice. The
 * request's audit row (written as the build began) stays; this one says what became of it.
 */
async function discardAbandoned(tx: PgTx, before: Date, batch: number): Promise<number> {
  const rows = await tx.rows<{ id: string; kind: string; createdAt: Date }>(sql`
    SELECT id, kind, "createdAt" FROM "ExportFile"
     WHERE "completedAt" IS NULL AND "createdAt" < ${iso(before)}::timestamptz AT TIME ZONE 'UTC'
     ORDER BY "createdAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED`);
  if (!rows.length) return 0;
  await tx.rows(sql`DELETE FROM "ExportFile" WHERE id = ANY(${rows.map((r) => r.id)}::uuid[])`);
  for (const r of rows)
    await recordAudit(tx, null, {
      actorId: null,
      action: "export.discard",
      entityType: "export_file",
      entityId: r.id,
      before: { kind: r.kind, createdAt: iso(r.createdAt), completed: false },
    });
  return rows.length;
}

/**
 * Files past the retention are marked expired (phase one, DOWNLOAD_GRACE_MS says why the chunks
 * stay for now): the row is kept with its manifest (GET /api/v1/exports/:id still answers; the
 * file and bundle answer 410), and the manifest's own audit row untouched (the trail is
 * append-only); one audit row per expiry, naming when its chunks go.
 */
async function expireCompleted(
  tx: PgTx,
  before: Date,
  now: Date,
  batch: number,
  graceMs: number,
): Promise<number> {
  const rows = await tx.rows<{ id: string; sha256: string | null; bytes: string }>(sql`
    SELECT id, sha256, bytes::text AS bytes FROM "ExportFile"
     WHERE "completedAt" IS NOT NULL AND "expiredAt" IS NULL
       AND "completedAt" < ${iso(before)}::timestamptz AT TIME ZONE 'UTC'
     ORDER BY "completedAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED`);
  if (!rows.length) return 0;
  const ids = rows.map((r) => r.id);
  await tx.rows(sql`
    UPDATE "ExportFile" SET "expiredAt" = ${iso(now)}::timestamptz AT TIME ZONE 'UTC'
     WHERE id = ANY(${ids}::uuid[])`);
  for (const r of rows)
    await recordAudit(tx, null, {
      actorId: null,
      action: "export.expire",
      entityType: "export_file",
      entityId: r.id,
      after: {
        sha256: r.sha256,
        bytes: Number(r.bytes),
        reason: "retention",
        chunksDeletedAfter: iso(new Date(now.getTime() + graceMs)),
      },
    });
  return rows.length;
}

/**
 * Phase two: the chunks of files marked expired more than the grace ago, one audit row per file in
 * the same transaction. SKIP LOCKED as above. The file row is only locked, never changed, so a
 * sweep that locks it just after another committed its purge is not stopped by the row's recheck:
 * its EXISTS was read before that commit. Only the files whose chunks this DELETE (a fresh snapshot,
 * after the other's commit) actually removed are counted and audited, so no file is purged twice
 * on the trail.
 */
async function purgeExpired(tx: PgTx, before: Date, batch: number): Promise<number> {
  const rows = await tx.rows<{ id: string }>(sql`
    SELECT f.id FROM "ExportFile" f
     WHERE f."expiredAt" < ${iso(before)}::timestamptz AT TIME ZONE 'UTC'
       AND EXISTS (SELECT 1 FROM "ExportChunk" c WHERE c."exportId" = f.id)
     ORDER BY f."expiredAt" LIMIT ${batch} FOR UPDATE OF f SKIP LOCKED`);
  if (!rows.length) return 0;
  const deleted = await tx.rows<{ exportId: string }>(sql`
    DELETE FROM "ExportChunk" WHERE "exportId" = ANY(${rows.map((r) => r.id)}::uuid[])
    RETURNING "exportId"`);
  const purged = new Set(deleted.map((d) => d.exportId));
  for (const r of rows) {
    if (!purged.has(r.id)) continue;
    await recordAudit(tx, null, {
      actorId: null,
      action: "export.purge",
      entityType: "export_file",
      entityId: r.id,
      after: { reason: "retention" },
    });
  }
  return purged.size;
}

/**
 * One sweep, a batch per transaction: every abandoned build, every file past the retention marked
 * expired, and the chunks of files expired more than the grace ago deleted (also when retention
 * was unset since).
 */
export async function sweepExports(policy: TSweepPolicy): Promise<TSweepResult> {
  const now = policy.now ?? new Date();
  const batch = policy.batch ?? 20;
  const graceMs = policy.graceMs ?? DOWNLOAD_GRACE_MS;
  const result: TSweepResult = { discarded: 0, expired: 0, purged: 0 };
  for (;;) {
    const n = await pgTransaction((tx) =>
      discardAbandoned(tx, new Date(now.getTime() - policy.buildTimeoutMs), batch),
    );
    result.discarded += n;
    if (n < batch) break;
  }
  const retentionMs = policy.retentionMs;
  if (retentionMs !== null) {
    for (;;) {
      const n = await pgTransaction((tx) =>
        expireCompleted(tx, new Date(now.getTime() - retentionMs), now, batch, graceMs),
      );
      result.expired += n;
      if (n < batch) break;
    }
  }
  for (;;) {
    const n = await pgTransaction((tx) => purgeExpired(tx, new Date(now.getTime() - graceMs), batch));
    result.purged += n;
    if (n < batch) break;
  }
  return result;
}

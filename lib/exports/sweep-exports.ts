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
};

export type TSweepResult = { discarded: number; expired: number };

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
 * Expired files: chunks deleted, the row kept with its manifest (GET /api/v1/exports/:id still
 * answers; the file and bundle answer 410), and the manifest's own audit row untouched (the
 * trail is append-only); one audit row per deletion.
 */
async function expireCompleted(tx: PgTx, before: Date, now: Date, batch: number): Promise<number> {
  const rows = await tx.rows<{ id: string; sha256: string | null; bytes: string }>(sql`
    SELECT id, sha256, bytes::text AS bytes FROM "ExportFile"
     WHERE "completedAt" IS NOT NULL AND "expiredAt" IS NULL
       AND "completedAt" < ${iso(before)}::timestamptz AT TIME ZONE 'UTC'
     ORDER BY "completedAt" LIMIT ${batch} FOR UPDATE SKIP LOCKED`);
  if (!rows.length) return 0;
  const ids = rows.map((r) => r.id);
  await tx.rows(sql`DELETE FROM "ExportChunk" WHERE "exportId" = ANY(${ids}::uuid[])`);
  await tx.rows(sql`
    UPDATE "ExportFile" SET "expiredAt" = ${iso(now)}::timestamptz AT TIME ZONE 'UTC'
     WHERE id = ANY(${ids}::uuid[])`);
  for (const r of rows)
    await recordAudit(tx, null, {
      actorId: null,
      action: "export.expire",
      entityType: "export_file",
      entityId: r.id,
      after: { sha256: r.sha256, bytes: Number(r.bytes), reason: "retention" },
    });
  return rows.length;
}

/** One sweep: every abandoned build and expired file, a batch per transaction. */
export async function sweepExports(policy: TSweepPolicy): Promise<TSweepResult> {
  const now = policy.now ?? new Date();
  const batch = policy.batch ?? 20;
  const result: TSweepResult = { discarded: 0, expired: 0 };
  for (;;) {
    const n = await pgTransaction((tx) =>
      discardAbandoned(tx, new Date(now.getTime() - policy.buildTimeoutMs), batch),
    );
    result.discarded += n;
    if (n < batch) break;
  }
  if (policy.retentionMs === null) return result;
  const retentionMs = policy.retentionMs;
  for (;;) {
    const n = await pgTransaction((tx) =>
      expireCompleted(tx, new Date(now.getTime() - retentionMs), now, batch),
    );
    result.expired += n;
    if (n < batch) break;
  }
  return result;
}

import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { PgTx } from "@/lib/db/pg-transaction";
import { sql } from "@/lib/db/sql";
import type { TRequestContext } from "@/lib/http/request-context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAuditAction, TAuditEntityType } from "@/lib/audit/vocabulary";

export type TAuditEntry = {
  actorId: string | null;
  /** One spelling per action and entity type: lib/audit/vocabulary.ts. */
  action: TAuditAction;
  entityType: TAuditEntityType;
  entityId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

/** The row of an entry: what every audit row holds, whichever transaction writes it. */
function auditRow(ctx: TRequestContext | null, entry: TAuditEntry) {
  return {
    at: new Date(),
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    // null and absent alike: no JSON value (SQL NULL).
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx?.requestId ?? null,
    ip: ctx?.ip ?? null,
  };
}

const jsonText = (v: Prisma.InputJsonValue | null) => (v === null ? null : JSON.stringify(v));

/**
 * Takes the transaction on purpose: an audit row is written in the same transaction as the change
 * it records, so there is never a change without its record or a record without its change. A
 * Prisma transaction, or a pg one (lib/db/pg-transaction.ts: the queue's submit), the same row.
 */
export async function recordAudit(
  tx: TTx | PgTx,
  ctx: TRequestContext | null,
  entry: TAuditEntry,
): Promise<void> {
  const row = auditRow(ctx, entry);
  if (tx instanceof PgTx) {
    await tx.rows(sql`
      INSERT INTO "AuditLog" (at, "actorId", action, "entityType", "entityId", before, after, "requestId", ip)
      VALUES (${row.at.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${row.actorId}::uuid, ${row.action},
              ${row.entityType}, ${row.entityId}, ${jsonText(row.before)}::jsonb, ${jsonText(row.after)}::jsonb,
              ${row.requestId}, ${row.ip})`);
    return;
  }
  await tx.auditLog.create({
    data: { ...row, before: row.before ?? undefined, after: row.after ?? undefined },
  });
}

import "server-only";
import type { TTx } from "@/lib/db/prisma";
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

/**
 * Takes the transaction client on purpose: an audit row is written in the same transaction as the
 * change it records, so there is never a change without its record or a record without its change.
 */
export async function recordAudit(tx: TTx, ctx: TRequestContext | null, entry: TAuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      requestId: ctx?.requestId ?? null,
      ip: ctx?.ip ?? null,
    },
  });
}

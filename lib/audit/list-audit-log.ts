import "server-only";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TAuditFilter } from "@/lib/audit/schemas";
import { resolvePeople, type TResolvedAuditRow } from "@/lib/audit/resolve-people";
import { canonicalSpelling, legacyActionsStartingWith, storedSpellings } from "@/lib/audit/vocabulary";

/** The people an "actor" filter (part of a name or e-mail) matches, as they are named now. */
export function actorWhere(actor: string): Prisma.UserWhereInput {
  return {
    OR: [{ email: { contains: actor.toLowerCase() } }, { name: { contains: actor, mode: "insensitive" } }],
  };
}

/**
 * Filters match the current spelling and the legacy ones stored before it (lib/audit/vocabulary.ts).
 * A whole action matches exactly ("auth.login" is not "auth.login_failed"); "user." is a prefix.
 */
function actionWhere(prefix: string): Prisma.AuditLogWhereInput {
  if (!prefix.endsWith(".")) return { action: { in: storedSpellings("action", prefix) } };
  const legacy = legacyActionsStartingWith(prefix);
  return legacy.length
    ? { OR: [{ action: { startsWith: prefix } }, { action: { in: legacy } }] }
    : { action: { startsWith: prefix } };
}

function where(f: TAuditFilter): Prisma.AuditLogWhereInput {
  return {
    ...(f.action ? actionWhere(f.action) : {}),
    ...(f.entityType ? { entityType: { in: storedSpellings("entityType", f.entityType) } } : {}),
    ...(f.entityId ? { entityId: f.entityId } : {}),
    ...(f.actor ? { actor: actorWhere(f.actor) } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.from || f.to ? { at: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
  };
}

const PAGE = 50;

/** Rows as they read today: legacy spellings of actions and entity types shown in their current form. */
function currentSpelling(r: TResolvedAuditRow): TResolvedAuditRow {
  return {
    ...r,
    action: canonicalSpelling("action", r.action),
    entityType: canonicalSpelling("entityType", r.entityType),
  };
}

/** One page, newest first, people and entities named as they are now (describe-audit-rows.ts). */
export async function listAuditLog(f: TAuditFilter) {
  const rows = await db().auditLog.findMany({
    where: { ...where(f), ...(f.before ? { id: { lt: BigInt(f.before) } } : {}) },
    orderBy: { id: "desc" },
    take: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  return {
    rows: (await resolvePeople(page)).map(currentSpelling),
    nextBefore: rows.length > PAGE && last ? Number(last.id) : null,
  };
}

/**
 * All matching rows oldest first, fetched in batches so a long trail never sits in memory at once.
 * Names and e-mails are looked up per batch from the ids the rows hold (resolve-people.ts).
 */
export async function* iterateAuditLog(f: TAuditFilter) {
  let after = 0n;
  for (;;) {
    const batch = await db().auditLog.findMany({
      where: { ...where(f), id: { gt: after } },
      orderBy: { id: "asc" },
      take: 1000,
    });
    if (batch.length === 0) return;
    yield* (await resolvePeople(batch)).map(currentSpelling);
    after = batch[batch.length - 1]?.id ?? after;
  }
}

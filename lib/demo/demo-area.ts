import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { storedSpellings, type TAuditAction, type TAuditEntityType } from "@/lib/audit/vocabulary";
import { db } from "@/lib/db/prisma";
import type { TRequestContext } from "@/lib/http/request-context";
import type { TDemoPeople } from "./demo-people";

/** One area of demo data, written through the real services (each its own short transactions). */
export type TDemoArea = { key: string; run: (people: TDemoPeople, ctx: TRequestContext) => Promise<void> };

const DONE = "demo.data_created" satisfies TAuditAction;

/**
 * Every audit row an area writes carries this request id. Real requests can never have it (their
 * ids are UUIDs or match /^[A-Za-z0-9._-]{8,64}$/, no colon), so it names exactly what the area made.
 */
export const demoAreaContext = (key: string): TRequestContext => ({
  requestId: `demo-data:${key}`,
  ip: null,
  userAgent: "clinreview-demo",
});

/**
 * Removes what an unfinished run of the area created, found through its audit rows, in one
 * transaction. The audit rows themselves stay (the trail is append-only), with one more saying so.
 */
async function undoArea(key: string, ctx: TRequestContext): Promise<void> {
  await db().$transaction(
    async (tx) => {
      const rows = await tx.auditLog.findMany({
        where: { requestId: ctx.requestId },
        select: { entityType: true, entityId: true },
      });
      // Every stored spelling: a run interrupted before the audit vocabulary wrote "Study".
      const ids = (type: TAuditEntityType) => {
        const spellings = storedSpellings("entityType", type);
        return {
          in: [
            ...new Set(
              rows.flatMap((r) => (spellings.includes(r.entityType) && r.entityId ? [r.entityId] : [])),
            ),
          ],
        };
      };
      const studies = ids("study");
      const campaigns = ids("audit_campaign");
      // Parents first: comparisons and audit items hold their queue items, which go afterwards.
      const removed = [
        await tx.study.deleteMany({ where: { id: studies } }),
        await tx.auditCampaign.deleteMany({ where: { id: campaigns } }),
        await tx.queueItem.deleteMany({ where: { queueId: { in: [...studies.in, ...campaigns.in] } } }),
        await tx.dataset.deleteMany({ where: { id: ids("dataset") } }),
        await tx.seed.deleteMany({ where: { id: ids("seed") } }),
        await tx.vocabularyTerm.deleteMany({ where: { id: ids("vocabulary_term") } }),
      ].reduce((n, r) => n + r.count, 0);
      if (removed)
        await recordAudit(tx, ctx, {
          actorId: null,
          action: "demo.data_undone",
          entityType: "demo",
          entityId: key,
          after: { removed },
        });
    },
    { timeout: 60_000 },
  );
}

/**
 * All or nothing, once: skipped when an earlier run finished it; otherwise leftovers of an
 * interrupted run are removed, the area is written, and a failure removes what it wrote.
 */
export async function runDemoArea(area: TDemoArea, people: TDemoPeople): Promise<boolean> {
  const ctx = demoAreaContext(area.key);
  if (await db().auditLog.count({ where: { action: DONE, requestId: ctx.requestId } })) return false;
  await undoArea(area.key, ctx);
  try {
    await area.run(people, ctx);
  } catch (err) {
    await undoArea(area.key, ctx).catch(() => undefined);
    throw err;
  }
  await db().$transaction((tx) =>
    recordAudit(tx, ctx, { actorId: null, action: DONE, entityType: "demo", entityId: area.key }),
  );
  return true;
}

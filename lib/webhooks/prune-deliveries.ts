import "server-only";
import { db } from "@/lib/db/prisma";

/** Each endpoint's newest deliveries, kept whatever their age: the delivery log's page (list-deliveries.ts). */
export const KEPT_PER_ENDPOINT = 50;
/** Rows removed per statement, so one prune never holds many locks or runs long. */
const BATCH = 1_000;

/**
 * Deletes finished deliveries (DELIVERED, FAILED) older than `retentionDays`, with their attempt
 * log (cascade), except each endpoint's KEPT_PER_ENDPOINT newest, so the log in /admin/webhooks
 * always shows an endpoint's recent history. PENDING rows are never touched. `FOR UPDATE SKIP
 * LOCKED`: workers of several instances prune at once without waiting on each other's rows (or on
 * a row a sender holds). Returns how many it deleted.
 */
export async function pruneDeliveries(retentionDays: number, batch = BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db().$executeRaw`
      WITH doomed AS (
        SELECT d.id FROM "WebhookDelivery" d
         WHERE d.status IN ('DELIVERED', 'FAILED')
           AND d."createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(days => ${retentionDays}::int)
           AND EXISTS (SELECT 1 FROM "WebhookDelivery" n
                        WHERE n."endpointId" = d."endpointId" AND n."createdAt" > d."createdAt"
                        ORDER BY n."createdAt" OFFSET ${KEPT_PER_ENDPOINT - 1} LIMIT 1)
         ORDER BY d."createdAt"
         LIMIT ${batch}
           FOR UPDATE SKIP LOCKED
      )
      DELETE FROM "WebhookDelivery" d USING doomed WHERE d.id = doomed.id`;
    total += n;
    if (n < batch) return total;
  }
}

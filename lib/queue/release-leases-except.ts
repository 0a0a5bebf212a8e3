import "server-only";
import type { TTx } from "@/lib/db/prisma";

/**
 * Ends every lease in a queue held by someone not in `keep` (a feature narrowed who may work in
 * it): their slots go straight back to the queue instead of waiting out the lease. Ended as
 * EXPIRED, not RELEASED (a skip): the person did not decline the item, so if they may work in the
 * queue again it can be theirs again, with their kept draft. Runs in the caller's transaction;
 * items are locked in id order before their assignments (the queue's lock order, as queue_claim's
 * expiry sweep does), so a concurrent submit or claim of one of them waits for the commit.
 * Returns the ended assignments.
 */
export async function releaseLeasesExcept(
  tx: TTx,
  queueId: string,
  keep: readonly string[],
): Promise<{ id: string; userId: string }[]> {
  return tx.$queryRaw<{ id: string; userId: string }[]>`
    WITH locked AS (
      SELECT qi.id FROM "QueueItem" qi
       WHERE qi.id IN (SELECT a."itemId" FROM "QueueAssignment" a
                        WHERE a."queueId" = ${queueId}::uuid AND a.status = 'LEASED'
                          AND a."userId" <> ALL(${keep}::uuid[]))
       ORDER BY qi.id FOR UPDATE
    ), ended AS (
      UPDATE "QueueAssignment" a SET status = 'EXPIRED', "leaseExpiresAt" = (now() AT TIME ZONE 'UTC')
       WHERE a."itemId" IN (SELECT id FROM locked) AND a."queueId" = ${queueId}::uuid
         AND a.status = 'LEASED' AND a."userId" <> ALL(${keep}::uuid[])
      RETURNING a.id, a."userId", a."itemId"
    ), freed AS (
      UPDATE "QueueItem" qi SET "claimedSlots" = qi."claimedSlots" - e.n
        FROM (SELECT "itemId", count(*)::int AS n FROM ended GROUP BY "itemId") e
       WHERE qi.id = e."itemId"
    )
    SELECT id::text AS id, "userId"::text AS "userId" FROM ended ORDER BY id`;
}

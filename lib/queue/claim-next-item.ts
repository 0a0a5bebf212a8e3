import "server-only";
import { db, type TTx } from "@/lib/db/prisma";
import type { TClaim, TQueueClient } from "./types";

type TLeaseRow = { id: string; itemId: string; leaseExpiresAt: Date };

export const QUEUE_TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 } as const;

/**
 * Frees the slots of abandoned leases in this queue. Items are locked first (in id order, skipping
 * ones another transaction holds), then their assignments: every queue operation takes the item
 * lock before the assignment row, so claimers, submitters and expirers cannot deadlock.
 */
async function expireStaleLeases(tx: TTx, queueId: string): Promise<void> {
  await tx.$executeRaw`
    WITH stale_items AS (
      SELECT qi.id FROM "QueueItem" qi
       WHERE qi.id IN (SELECT a."itemId" FROM "QueueAssignment" a
                        WHERE a."queueId" = ${queueId}::uuid AND a.status = 'LEASED'
                          AND a."leaseExpiresAt" <= (now() AT TIME ZONE 'UTC'))
       ORDER BY qi.id
       FOR UPDATE SKIP LOCKED
    ), expired AS (
      UPDATE "QueueAssignment" a SET status = 'EXPIRED'
       WHERE a."itemId" IN (SELECT id FROM stale_items) AND a.status = 'LEASED'
         AND a."leaseExpiresAt" <= (now() AT TIME ZONE 'UTC')
      RETURNING a."itemId"
    )
    UPDATE "QueueItem" qi SET "claimedSlots" = qi."claimedSlots" - e.n
      FROM (SELECT "itemId", count(*)::int AS n FROM expired GROUP BY "itemId") e
     WHERE qi.id = e."itemId"`;
}

async function claimInTx(tx: TTx, queueId: string, userId: string, leaseMinutes: number): Promise<TClaim | null> {
  // One claim at a time per person and queue: a double click must not hand out two leases.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${queueId}::text || ':' || ${userId}::text, 0))`;

  const own = await tx.$queryRaw<TLeaseRow[]>`
    SELECT id, "itemId", "leaseExpiresAt" FROM "QueueAssignment"
     WHERE "queueId" = ${queueId}::uuid AND "userId" = ${userId}::uuid AND status = 'LEASED'
       AND "leaseExpiresAt" > (now() AT TIME ZONE 'UTC')
     ORDER BY "claimedAt" LIMIT 1`;
  const resumed = own[0];
  if (resumed) return { assignmentId: resumed.id, itemId: resumed.itemId, resumed: true, leaseExpiresAt: resumed.leaseExpiresAt };

  await expireStaleLeases(tx, queueId);

  // The slot count lives on the locked row: FOR UPDATE re-checks "claimedSlots" < capacity on the
  // newest row version, which a COUNT over assignments cannot do.
  const picked = await tx.$queryRaw<{ id: string }[]>`
    SELECT qi.id FROM "QueueItem" qi
     WHERE qi."queueId" = ${queueId}::uuid
       AND qi."claimedSlots" < qi.capacity
       AND (qi."onlyForUserId" IS NULL OR qi."onlyForUserId" = ${userId}::uuid)
       AND NOT EXISTS (SELECT 1 FROM "QueueAssignment" a
                        WHERE a."itemId" = qi.id AND a."userId" = ${userId}::uuid
                          AND a.status IN ('LEASED', 'SUBMITTED', 'RELEASED'))
     ORDER BY qi.position
     LIMIT 1
     FOR UPDATE SKIP LOCKED`;
  const item = picked[0];
  if (!item) return null;

  await tx.$executeRaw`UPDATE "QueueItem" SET "claimedSlots" = "claimedSlots" + 1 WHERE id = ${item.id}::uuid`;
  const lease = await tx.$queryRaw<TLeaseRow[]>`
    INSERT INTO "QueueAssignment" (id, "itemId", "queueId", "userId", status, "claimedAt", "leaseExpiresAt")
    VALUES (gen_random_uuid(), ${item.id}::uuid, ${queueId}::uuid, ${userId}::uuid, 'LEASED',
            (now() AT TIME ZONE 'UTC'),
            (now() AT TIME ZONE 'UTC') + make_interval(mins => ${leaseMinutes}::int))
    ON CONFLICT ("itemId", "userId") DO UPDATE
       SET status = 'LEASED', "claimedAt" = EXCLUDED."claimedAt",
           "leaseExpiresAt" = EXCLUDED."leaseExpiresAt", "submittedAt" = NULL
    RETURNING id, "itemId", "leaseExpiresAt"`;
  const row = lease[0];
  if (!row) throw new Error("claim insert returned no row");
  return { assignmentId: row.id, itemId: row.itemId, resumed: false, leaseExpiresAt: row.leaseExpiresAt };
}

/**
 * Hands the caller their next item of a queue: their own unexpired lease first, else a fresh item
 * they have not had, never more people per item than its capacity. null: nothing left for them.
 */
export async function claimNextItem(input: {
  queueId: string;
  userId: string;
  leaseMinutes: number;
  client?: TQueueClient;
}): Promise<TClaim | null> {
  const minutes = Math.max(1, Math.min(24 * 60, Math.round(input.leaseMinutes)));
  return (input.client ?? db()).$transaction((tx) => claimInTx(tx, input.queueId, input.userId, minutes), QUEUE_TX_OPTIONS);
}

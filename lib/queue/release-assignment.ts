import "server-only";
import { db, type TTx } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { QUEUE_TX_OPTIONS } from "./tx-options";
import type { TQueueClient } from "./types";

/**
 * Skip: gives the caller's leased slot back to the queue. The item is not offered to this person
 * again (a RELEASED assignment counts as "had it"). Returns false when there was no live lease.
 * `onReleased` runs in the same transaction, only when a lease was released: the caller's audit
 * row, so there is never a skip without its record.
 */
export async function releaseAssignment(
  userId: string,
  assignmentId: string,
  client: TQueueClient = db(),
  onReleased?: (tx: TTx, released: { itemId: string }) => Promise<void>,
): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const a = await tx.queueAssignment.findFirst({
      where: { id: assignmentId, userId },
      select: { itemId: true },
    });
    if (!a) throw notFound("Assignment");
    await tx.$queryRaw`SELECT id FROM "QueueItem" WHERE id = ${a.itemId}::uuid FOR UPDATE`;
    const released = await tx.$executeRaw`
      UPDATE "QueueAssignment" SET status = 'RELEASED' WHERE id = ${assignmentId}::uuid AND status = 'LEASED'`;
    if (released === 0) return false;
    await tx.$executeRaw`UPDATE "QueueItem" SET "claimedSlots" = "claimedSlots" - 1 WHERE id = ${a.itemId}::uuid`;
    await onReleased?.(tx, { itemId: a.itemId });
    return true;
  }, QUEUE_TX_OPTIONS);
}

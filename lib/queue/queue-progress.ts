import "server-only";
import { db } from "@/lib/db/prisma";
import type { TQueueClient, TQueueProgress } from "./types";

/** Totals of a queue and what each person has submitted or holds. */
export async function queueProgress(queueId: string, client: TQueueClient = db()): Promise<TQueueProgress> {
  const totals = await client.$queryRaw<
    { items: number; slots: number; claimed: number; completed: number; complete: number }[]
  >`
    SELECT count(*)::int AS items, coalesce(sum(capacity), 0)::int AS slots,
           coalesce(sum("claimedSlots"), 0)::int AS claimed, coalesce(sum("completedSlots"), 0)::int AS completed,
           count(*) FILTER (WHERE "completedSlots" >= capacity)::int AS complete
      FROM "QueueItem" WHERE "queueId" = ${queueId}::uuid`;
  const perUser = await client.$queryRaw<{ userId: string; submitted: number; leased: number }[]>`
    SELECT "userId",
           count(*) FILTER (WHERE status = 'SUBMITTED')::int AS submitted,
           count(*) FILTER (WHERE status = 'LEASED' AND "leaseExpiresAt" > (now() AT TIME ZONE 'UTC'))::int AS leased
      FROM "QueueAssignment" WHERE "queueId" = ${queueId}::uuid
     GROUP BY "userId" ORDER BY "userId"`;
  const t = totals[0] ?? { items: 0, slots: 0, claimed: 0, completed: 0, complete: 0 };
  return {
    items: t.items,
    slots: t.slots,
    claimedSlots: t.claimed,
    completedSlots: t.completed,
    completeItems: t.complete,
    perUser,
  };
}

import "server-only";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TClaim, TQueueClient } from "./types";

type TClaimRow = { claimed_id: string; claimed_item: string; was_resumed: boolean; lease_until: Date };

/**
 * Hands the caller their next item of a queue: their own unexpired lease first, else a fresh item
 * they have not had, never more people per item than its capacity. null: nothing left for them.
 *
 * The claim runs as one call of the SQL function queue_claim (migration
 * 20261202030816_queue_functions, its pick rewritten in …_queue_claim_rule): the advisory lock
 * per person and queue, the resume, the expiry of abandoned leases and the FOR UPDATE SKIP LOCKED
 * pick by the claim rule `queue_item_open_for` (which the home page's counts use too), in one
 * round trip and one implicit transaction. `client` is another instance's client in tests.
 */
export async function claimNextItem(input: {
  queueId: string;
  userId: string;
  leaseMinutes: number;
  client?: TQueueClient;
}): Promise<TClaim | null> {
  const minutes = Math.max(1, Math.min(24 * 60, Math.round(input.leaseMinutes)));
  const rows = await (input.client ?? db()).$queryRaw<TClaimRow[]>`
    SELECT claimed_id, claimed_item, was_resumed, lease_until
      FROM queue_claim(${input.queueId}::uuid, ${input.userId}::uuid, ${minutes}::int)`;
  const row = rows[0];
  return row ? { assignmentId: row.claimed_id, itemId: row.claimed_item, resumed: row.was_resumed, leaseExpiresAt: row.lease_until } : null;
}

type TGatedClaimRow = { status: string; lease_minutes: number; claimed: TClaimJson | null };
/** lease_until as timestamptz (the column is UTC without a zone), so its JSON text carries the offset. */
type TClaimJson = { claimed_id: string; claimed_item: string; was_resumed: boolean; lease_until: string };

/**
 * The queue's own row (a campaign: `id`, `status`, `leaseMinutes`) and, when it is ACTIVE, the
 * claim, in one statement: under load a claim's cost follows its round trips. queue_claim runs
 * inside a CASE on the queue's status, which PostgreSQL evaluates before the branch, so a paused
 * or closed queue is never claimed from. `table` is the owner table, a fixed identifier written by
 * the feature (Prisma.sql`"AuditCampaign"`). null: no such queue.
 */
export async function claimFromQueueRow(
  table: Prisma.Sql,
  input: { queueId: string; userId: string; client?: TQueueClient },
): Promise<{ queue: { status: string; leaseMinutes: number }; claim: TClaim | null } | null> {
  const rows = await (input.client ?? db()).$queryRaw<TGatedClaimRow[]>`
    SELECT q.status::text AS status, q."leaseMinutes" AS lease_minutes,
           CASE WHEN q.status::text = 'ACTIVE' THEN
             (SELECT json_build_object('claimed_id', c.claimed_id, 'claimed_item', c.claimed_item, 'was_resumed', c.was_resumed,
                                        'lease_until', c.lease_until AT TIME ZONE 'UTC')
                FROM queue_claim(q.id, ${input.userId}::uuid, LEAST(24 * 60, GREATEST(1, q."leaseMinutes"))) c)
           END AS claimed
      FROM ${table} q
     WHERE q.id = ${input.queueId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  const c = row.claimed;
  const claim = c ? { assignmentId: c.claimed_id, itemId: c.claimed_item, resumed: c.was_resumed, leaseExpiresAt: new Date(c.lease_until) } : null;
  return { queue: { status: row.status, leaseMinutes: row.lease_minutes }, claim };
}

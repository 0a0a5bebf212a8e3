import "server-only";
import { db } from "@/lib/db/prisma";
import { sql } from "@/lib/db/sql";
import { sqlOn } from "./sql-on";
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
  const rows = await sqlOn(input.client ?? db()).rows<TClaimRow>(sql`
    SELECT claimed_id, claimed_item, was_resumed, lease_until
      FROM queue_claim(${input.queueId}::uuid, ${input.userId}::uuid, ${minutes}::int)`);
  const row = rows[0];
  return row
    ? {
        assignmentId: row.claimed_id,
        itemId: row.claimed_item,
        resumed: row.was_resumed,
        leaseExpiresAt: row.lease_until,
      }
    : null;
}

import "server-only";
import { db } from "@/lib/db/prisma";
import { sql } from "@/lib/db/sql";
import { sqlOn } from "./sql-on";
import type { TClaim, TClaimGate, TClaimGateRow, TQueueClient } from "./types";

type TClaimRow = { claimed_id: string; claimed_item: string; was_resumed: boolean; lease_until: Date };
type TGatedRow = TClaimGateRow & {
  claimed: { claimed_id: string; claimed_item: string; was_resumed: boolean; lease_until: string } | null;
};

/**
 * Hands the caller their next item of a queue: their own unexpired lease first, else a fresh item
 * they have not had, never more people per item than its capacity. null: nothing left for them.
 *
 * The claim runs as one call of the SQL function queue_claim (migration
 * 20261202030816_queue_functions, its pick rewritten in …_queue_claim_rule): the advisory lock
 * per person and queue, the resume, the expiry of abandoned leases and the FOR UPDATE SKIP LOCKED
 * pick by the claim rule `queue_item_open_for` (which the home page's counts use too), in one
 * round trip and one implicit transaction. `client` is another instance's client in tests.
 *
 * With a `gate` (the guidelines), the gate's SELECT and the claim are still one statement: the
 * claim runs inside a CASE on the gate's `ok` (a scalar subquery in a CASE branch runs only when
 * the branch is taken), through queue_claim_under, which stores the gate's version on the
 * assignment; a refusal throws the gate's AppError and claims nothing.
 */
export async function claimNextItem(input: {
  queueId: string;
  userId: string;
  leaseMinutes: number;
  client?: TQueueClient;
  gate?: TClaimGate;
}): Promise<TClaim | null> {
  const minutes = Math.max(1, Math.min(24 * 60, Math.round(input.leaseMinutes)));
  const runner = sqlOn(input.client ?? db());
  if (!input.gate) {
    const rows = await runner.rows<TClaimRow>(sql`
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
  const rows = await runner.rows<TGatedRow>(sql`
    WITH g AS MATERIALIZED (${input.gate.sql(input.userId, input.queueId)})
    SELECT g.ok, g.version, g.acknowledged,
           CASE WHEN g.ok THEN
             (SELECT json_build_object('claimed_id', x.claimed_id, 'claimed_item', x.claimed_item,
                                       'was_resumed', x.was_resumed, 'lease_until', x.lease_until AT TIME ZONE 'UTC')
                FROM queue_claim_under(${input.queueId}::uuid, ${input.userId}::uuid, ${minutes}::int, g.version) x)
           END AS claimed
      FROM g`);
  const row = rows[0];
  if (row && !row.ok) throw input.gate.refusal(row);
  const c = row?.claimed;
  return c
    ? {
        assignmentId: c.claimed_id,
        itemId: c.claimed_item,
        resumed: c.was_resumed,
        leaseExpiresAt: new Date(c.lease_until),
      }
    : null;
}

import "server-only";
import { db } from "@/lib/db/prisma";

export type TClaimedDelivery = {
  id: string;
  endpointId: string;
  event: string;
  data: unknown;
  createdAt: Date;
  /** This attempt's number (counted at the claim, so a process lost mid-send still counts it). */
  attempts: number;
  url: string;
  secret: string;
};

/**
 * Takes up to `limit` due deliveries of enabled endpoints for `owner` in one statement: due means
 * PENDING, its next attempt time reached, and not leased (or the lease lapsed: its worker is gone).
 * `FOR UPDATE SKIP LOCKED` lets workers of every process and instance claim at once without
 * waiting for or taking each other's rows; the lease then keeps a row theirs while they send.
 */
export async function claimDueDeliveries(
  owner: string,
  limit: number,
  leaseMs: number,
): Promise<TClaimedDelivery[]> {
  return db().$queryRaw<TClaimedDelivery[]>`
    WITH due AS (
      SELECT d.id
        FROM "WebhookDelivery" d
        JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
       WHERE d.status = 'PENDING'
         AND d."nextAttemptAt" <= (now() AT TIME ZONE 'UTC')
         AND (d."leaseUntil" IS NULL OR d."leaseUntil" < (now() AT TIME ZONE 'UTC'))
         AND e.enabled
       ORDER BY d."nextAttemptAt"
       LIMIT ${limit}
         FOR UPDATE OF d SKIP LOCKED
    )
    UPDATE "WebhookDelivery" d
       SET "leaseOwner" = ${owner},
           "leaseUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseMs / 1000}::float8),
           attempts = d.attempts + 1
      FROM due, "WebhookEndpoint" e
     WHERE d.id = due.id AND e.id = d."endpointId"
    RETURNING d.id, d."endpointId", d.event, d.data, d."createdAt", d.attempts, e.url, e.secret`;
}

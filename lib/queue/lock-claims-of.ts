import "server-only";
import type { TTx } from "@/lib/db/prisma";

/**
 * Waits for, then holds until the caller's transaction ends, the claim lock of each person in a
 * queue: the advisory lock queue_claim takes first (migration …_queue_claim_rule, same key). A
 * change that takes people off a queue calls it before it ends their leases, so a claim of theirs
 * that is running has committed its lease by then (and the release ends it), and one that starts
 * later waits for the commit and its pick sees the new list. Ids are locked in sorted order, so
 * two such changes never deadlock on each other.
 */
export async function lockClaimsOf(tx: TTx, queueId: string, userIds: readonly string[]): Promise<void> {
  const ids = [...new Set(userIds)].sort();
  if (ids.length === 0) return;
  // unnest yields the array's order, so the locks are taken in it.
  await tx.$executeRaw`
    SELECT pg_advisory_xact_lock(hashtextextended(${queueId}::uuid::text || ':' || u.id::text, 0))
      FROM unnest(${ids}::uuid[]) AS u(id)`;
}

/**
 * Who a narrowed list may take off a queue: clinicians (the one role that claims) not kept; if
 * the queue was open to all, every clinician not kept, else only the previously named ones.
 */
export async function leftOutClaimers(
  tx: TTx,
  before: readonly string[],
  keep: readonly string[],
): Promise<string[]> {
  if (keep.length === 0) return [];
  const kept = new Set(keep);
  if (before.length) return before.filter((id) => !kept.has(id));
  const clinicians = await tx.user.findMany({ where: { role: "CLINICIAN" }, select: { id: true } });
  return clinicians.map((u) => u.id).filter((id) => !kept.has(id));
}

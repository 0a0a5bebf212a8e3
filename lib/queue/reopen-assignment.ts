import "server-only";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { prismaRunner } from "@/lib/db/pg-transaction";
import type { Sql } from "@/lib/db/sql";
import type { TAssignmentRef, TQueueReopen } from "./queue-feature";
import { notOpenTo } from "./submit-assignment";
import { QUEUE_TX_OPTIONS } from "./tx-options";
import { reopenedPending } from "./undo-rule";

/** `extra.reason` of the 409 for an assignment that holds no submitted answer to reopen. */
export const NOT_SUBMITTED = "not_submitted";

export type TReopenResult = { assignmentId: string; queueId: string; leaseExpiresAt: Date };

/** What a reopen needs of the feature's spec (queue-feature.ts). */
export type TReopenFeature<TAnswer> = {
  reopen: TQueueReopen<TAnswer>;
  lockQueueRow(queueId: string): Sql;
};

type TLocked = { queueId: string; itemId: string; status: string; claimed: number; capacity: number };

/**
 * Undo (issue 15): the caller's submitted answer becomes a live lease again, its answer kept but
 * superseded, so the next claim resumes it with the old answer as the draft. One transaction:
 *
 * - the queue's row FOR SHARE (the feature's lockQueueRow), then membership (403 when taken off);
 * - the person's claim lock (queue_claim's advisory lock), so a reopen and a claim of the same
 *   person never both hand out a lease, and two reopens run one after the other;
 * - the item row, then the assignment row (every queue operation's lock order);
 * - the feature's rules and rows (`reopen`), its audit row included;
 * - the person's other live lease in the queue goes back (EXPIRED, its draft kept: it is offered
 *   again later), so they hold one lease, the reopened one;
 * - the slot stays the person's (claimedSlots unchanged): another claim cannot take it meanwhile.
 *
 * A repeat while the answer is still reopened answers the same (idempotent).
 */
export async function reopenAssignment<TAnswer>(
  feature: TReopenFeature<TAnswer>,
  ref: TAssignmentRef,
  ctx: TRequestContext | null,
): Promise<TReopenResult> {
  const { reopen } = feature;
  return ref.client.$transaction(async (tx) => {
    const owned = await tx.$queryRaw<{ queueId: string; itemId: string }[]>`
      SELECT "queueId", "itemId" FROM "QueueAssignment"
       WHERE id = ${ref.assignmentId}::uuid AND "userId" = ${ref.user.id}::uuid`;
    const first = owned[0];
    if (!first) throw notFound("Assignment");
    // The queue's own row first (FOR SHARE), as a reviewer or rater list change locks it before the
    // claim locks and the items it releases: one lock order everywhere, so an undo racing a list
    // change waits instead of deadlocking. The feature names its table (lockQueueRow).
    await prismaRunner(tx).rows(feature.lockQueueRow(first.queueId));
    // A fresh snapshot after that lock: taken off the list meanwhile, the person may not undo.
    const [open] = await tx.$queryRaw<{ openTo: boolean }[]>`
      SELECT queue_open_to(${first.queueId}::uuid, ${ref.user.id}::uuid) AS "openTo"
        FROM (SELECT pg_advisory_xact_lock(hashtextextended(${first.queueId}::text || ':' || ${ref.user.id}::text, 0))) l`;
    if (!open?.openTo) throw notOpenTo();
    const locked = await tx.$queryRaw<TLocked[]>`
      SELECT qi."queueId", qi.id AS "itemId", a.status::text AS status,
             qi."claimedSlots" AS claimed, qi.capacity
        FROM "QueueItem" qi JOIN "QueueAssignment" a ON a."itemId" = qi.id
       WHERE a.id = ${ref.assignmentId}::uuid
       FOR UPDATE OF qi, a`;
    const row = locked[0];
    if (!row) throw notFound("Assignment");
    const target = await reopen.load(tx, ref);
    if (!target) throw notFound("Assignment");

    const lease = async () =>
      (
        await tx.$queryRaw<{ leaseExpiresAt: Date }[]>`
          SELECT "leaseExpiresAt" FROM "QueueAssignment" WHERE id = ${ref.assignmentId}::uuid`
      )[0]?.leaseExpiresAt ?? new Date();

    if (target.reopened && row.status === "LEASED") {
      return { assignmentId: ref.assignmentId, queueId: row.queueId, leaseExpiresAt: await lease() };
    }
    if (!target.reopened && row.status !== "SUBMITTED") {
      throw new AppError("CONFLICT", "This item has no submitted answer of yours to reopen", {
        extra: { reason: NOT_SUBMITTED },
      });
    }
    const refusal = reopen.refusal(target.answer, new Date());
    if (refusal) throw new AppError("CONFLICT", refusal.message, { extra: { reason: refusal.reason } });

    // Reopened earlier and its lease lapsed: it takes its slot back only if nobody else took it.
    const retake = target.reopened && row.status !== "LEASED";
    if (retake && row.claimed >= row.capacity) {
      throw new AppError("CONFLICT", "Your reopened item went to another reviewer", {
        extra: { reason: "lease_lost" },
      });
    }
    const draft = target.reopened ? null : await reopen.supersede(tx, ref, target.answer, ctx);

    // The person's other live lease goes back below, unless it holds an answer they reopened and
    // have not resubmitted (reopenedPending says why).
    // The same rule as the progress's Undo (undo-rule.ts), here under the claim lock.
    const pending = await reopenedPending(
      tx,
      { ...ref, queueId: row.queueId },
      async (id) => (await reopen.load(tx, { ...ref, assignmentId: id }))?.reopened ?? false,
    );
    if (pending) throw new AppError("CONFLICT", pending.message, { extra: { reason: pending.reason } });
    await tx.$queryRaw`
      SELECT qi.id::text FROM "QueueItem" qi
       WHERE qi.id IN (SELECT "itemId" FROM "QueueAssignment"
                        WHERE "queueId" = ${row.queueId}::uuid AND "userId" = ${ref.user.id}::uuid
                          AND status = 'LEASED' AND id <> ${ref.assignmentId}::uuid)
       ORDER BY qi.id FOR UPDATE`;
    await tx.$executeRaw`
      WITH released AS (
        UPDATE "QueueAssignment" SET status = 'EXPIRED'
         WHERE "queueId" = ${row.queueId}::uuid AND "userId" = ${ref.user.id}::uuid
           AND status = 'LEASED' AND id <> ${ref.assignmentId}::uuid
        RETURNING "itemId")
      UPDATE "QueueItem" qi SET "claimedSlots" = qi."claimedSlots" - r.n
        FROM (SELECT "itemId", count(*)::int AS n FROM released GROUP BY "itemId") r
       WHERE qi.id = r."itemId"`;

    const minutes = Math.max(1, Math.min(24 * 60, Math.round(target.leaseMinutes)));
    const draftJson = draft === null ? null : JSON.stringify(draft);
    const updated = await tx.$queryRaw<{ leaseExpiresAt: Date }[]>`
      UPDATE "QueueAssignment"
         SET status = 'LEASED', "submittedAt" = NULL,
             "claimedAt" = (now() AT TIME ZONE 'UTC'),
             "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') + make_interval(mins => ${minutes}::int),
             draft = COALESCE(${draftJson}::jsonb, draft)
       WHERE id = ${ref.assignmentId}::uuid
      RETURNING "leaseExpiresAt"`;
    if (row.status === "SUBMITTED") {
      await tx.$executeRaw`
        UPDATE "QueueItem" SET "completedSlots" = "completedSlots" - 1 WHERE id = ${row.itemId}::uuid`;
    } else if (retake) {
      await tx.$executeRaw`
        UPDATE "QueueItem" SET "claimedSlots" = "claimedSlots" + 1 WHERE id = ${row.itemId}::uuid`;
    }
    return {
      assignmentId: ref.assignmentId,
      queueId: row.queueId,
      leaseExpiresAt: updated[0]?.leaseExpiresAt ?? new Date(),
    };
  }, QUEUE_TX_OPTIONS);
}

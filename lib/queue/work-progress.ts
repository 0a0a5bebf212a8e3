import "server-only";
import type { TQueueClient } from "./types";
import { estimateRemainingMs } from "./work-estimate";

/** What the work screens' header shows: "n of N" for the person and the queue, time left, Undo. */
export type TWorkProgress = {
  title: string;
  mine: { done: number; total: number };
  queue: { done: number; total: number };
  /** The person's median claim→submit time in this queue; null before 3 submissions. */
  medianMs: number | null;
  /** Their remaining items × that median; null before 3 submissions. */
  estimateMs: number | null;
  /**
   * The caller's last submitted answer in this queue while the reopen's rules still let them
   * reopen it (Undo on the work screen, also after a reload; undo-rule.ts): null otherwise, e.g.
   * while an answer they reopened is not resubmitted (the reopen would answer 409 reopened_pending).
   */
  undoAssignmentId: string | null;
};

type TRow = {
  done: number;
  leased: number;
  open: number;
  slotsDone: number;
  slots: number;
  medianMs: number | null;
  lastSubmittedId: string | null;
};

/**
 * One statement. Mine: submitted, of submitted + held + still open to me (the claim rule,
 * queue_item_open_for, so the count matches what claims will hand out). The queue's: completed
 * slots of all slots. The median is over the person's own submitted assignments of this queue.
 */
export async function workProgress(
  client: TQueueClient,
  queueId: string,
  userId: string,
  title: string,
  undoable: (assignmentId: string) => Promise<boolean>,
): Promise<TWorkProgress> {
  const rows = await client.$queryRaw<TRow[]>`
    SELECT
      (SELECT count(*)::int FROM "QueueAssignment"
        WHERE "queueId" = ${queueId}::uuid AND "userId" = ${userId}::uuid AND status = 'SUBMITTED') AS done,
      (SELECT count(*)::int FROM "QueueAssignment"
        WHERE "queueId" = ${queueId}::uuid AND "userId" = ${userId}::uuid AND status = 'LEASED'
          AND "leaseExpiresAt" > (now() AT TIME ZONE 'UTC')) AS leased,
      (SELECT count(*)::int FROM "QueueItem" qi
        WHERE qi."queueId" = ${queueId}::uuid AND queue_item_open_for(qi, ${userId}::uuid)) AS open,
      (SELECT coalesce(sum("completedSlots"), 0)::int FROM "QueueItem" WHERE "queueId" = ${queueId}::uuid) AS "slotsDone",
      (SELECT coalesce(sum(capacity), 0)::int FROM "QueueItem" WHERE "queueId" = ${queueId}::uuid) AS slots,
      (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "submittedAt" - "claimedAt") * 1000)
         FROM "QueueAssignment"
        WHERE "queueId" = ${queueId}::uuid AND "userId" = ${userId}::uuid AND status = 'SUBMITTED'
          AND "submittedAt" IS NOT NULL) AS "medianMs",
      (SELECT id::text FROM "QueueAssignment"
        WHERE "queueId" = ${queueId}::uuid AND "userId" = ${userId}::uuid AND status = 'SUBMITTED'
        ORDER BY "submittedAt" DESC NULLS LAST, id DESC LIMIT 1) AS "lastSubmittedId"`;
  const r = rows[0] ?? {
    done: 0,
    leased: 0,
    open: 0,
    slotsDone: 0,
    slots: 0,
    medianMs: null,
    lastSubmittedId: null,
  };
  const medianMs = r.done >= 3 && r.medianMs !== null ? Math.round(Number(r.medianMs)) : null;
  return {
    title,
    mine: { done: r.done, total: r.done + r.leased + r.open },
    queue: { done: r.slotsDone, total: r.slots },
    medianMs,
    estimateMs: estimateRemainingMs({ medianMs, submissions: r.done, remaining: r.leased + r.open }),
    undoAssignmentId: r.lastSubmittedId && (await undoable(r.lastSubmittedId)) ? r.lastSubmittedId : null,
  };
}

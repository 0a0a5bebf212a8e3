import "server-only";
import type { TTx } from "@/lib/db/prisma";
import type { TAssignmentRef, TQueueReopen, TReopenRefusal } from "./queue-feature";
import type { TQueueClient } from "./types";

/** `extra.reason` of the 409 for an earlier answer while a reopened one is not resubmitted. */
export const REOPENED_PENDING: TReopenRefusal = {
  reason: "reopened_pending",
  message: "Finish the answer you reopened before reopening another",
};

/**
 * The undo's rule about the person's other answers, one function for the reopen (under its locks,
 * reopen-assignment.ts) and the work screen's progress (which offers Undo only when the reopen
 * would take it): while they hold in this queue a live lease on an answer they reopened and have
 * not resubmitted (an undo, then a reload offering the answer before it), no other answer may be
 * reopened: the reopen would end that lease and leave the first answer superseded with no current
 * revision, lost to the statistics. `isReopened` reads one of the other answers: the reopen's
 * `load` under its locks, the progress's lock-free `reopened` (a read must take no row locks).
 */
export async function reopenedPending(
  client: TTx | TQueueClient,
  ref: TAssignmentRef & { queueId: string },
  isReopened: (assignmentId: string) => Promise<boolean>,
): Promise<TReopenRefusal | null> {
  const others = await client.$queryRaw<{ id: string }[]>`
    SELECT id::text FROM "QueueAssignment"
     WHERE "queueId" = ${ref.queueId}::uuid AND "userId" = ${ref.user.id}::uuid
       AND status = 'LEASED' AND id <> ${ref.assignmentId}::uuid`;
  for (const other of others) {
    if (await isReopened(other.id)) return REOPENED_PENDING;
  }
  return null;
}

/**
 * Whether the reopen of the caller's submitted `ref` would go through now, by the reopen's own
 * rules read without locks: still among the queue's named people (queue_open_to, 403 at the
 * reopen), the feature's rule (`check`, the same as its `refusal`), then reopenedPending. The
 * progress's `undoAssignmentId` is this; the reopen checks each again under its locks.
 */
export async function undoable<TAnswer>(
  reopen: TQueueReopen<TAnswer>,
  client: TQueueClient,
  ref: TAssignmentRef & { queueId: string },
  now: Date,
): Promise<boolean> {
  const [open] = await client.$queryRaw<{ openTo: boolean }[]>`
    SELECT queue_open_to(${ref.queueId}::uuid, ${ref.user.id}::uuid) AS "openTo"`;
  if (!open?.openTo) return false;
  if ((await reopen.check(client, ref.assignmentId, now)) !== null) return false;
  return (await reopenedPending(client, ref, (id) => reopen.reopened(client, id))) === null;
}

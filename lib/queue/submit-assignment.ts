import "server-only";
import { runnerOf, type PgTx } from "@/lib/db/pg-transaction";
import type { TTx } from "@/lib/db/prisma";
import { sql } from "@/lib/db/sql";
import { AppError, notFound } from "@/lib/errors/app-error";

/** `extra.reason` of the 409 thrown when the slot went to someone else. */
export const LEASE_LOST = "lease_lost";
/** `extra.reason` of the 409 thrown for an assignment its holder skipped. */
export const SKIPPED = "skipped";

/**
 * The 403 for someone the queue's list no longer names (a campaign's reviewers, a study's raters):
 * a submit (queue_submit's 'not_open_to') and an undo (reopen-assignment.ts) answer it alike.
 */
export const notOpenTo = () => new AppError("FORBIDDEN", "You are no longer among this queue's named people");

/**
 * Marks the caller's assignment submitted, inside the caller's transaction (which writes the
 * payload rows). A lease past its time still counts while nobody took its slot; once the slot went
 * to someone else the submit is refused with 409 (the draft stays on the assignment), and so is a
 * submit of an item the person skipped. Someone taken off the queue's list is refused with 403
 * (queue_submit checks queue_open_to, migration …_queue_submit_open_to): one rule for every feature.
 */
export async function submitAssignment(
  tx: TTx | PgTx,
  input: { assignmentId: string; userId: string },
): Promise<"submitted" | "already_submitted"> {
  // queue_submit (migration 20261202030816_queue_functions): the locks and counters in one call.
  const rows = await runnerOf(tx).rows<{ outcome: string }>(sql`
    SELECT queue_submit(${input.assignmentId}::uuid, ${input.userId}::uuid) AS outcome`);
  return submitOutcome(rows[0]?.outcome);
}

/**
 * queue_submit's answer as submitAssignment gives it: for a feature that calls queue_submit inside
 * its own joined read, to save the submit transaction a round trip. `undefined`: no row, no such
 * assignment of this person.
 */
export function submitOutcome(outcome: string | undefined): "submitted" | "already_submitted" {
  if (outcome === "submitted" || outcome === "already_submitted") return outcome;
  if (outcome === "not_open_to") throw notOpenTo();
  if (outcome === "released") {
    throw new AppError("CONFLICT", "You skipped this item, so it can no longer be submitted", {
      extra: { reason: SKIPPED },
    });
  }
  if (outcome === "lease_lost") {
    throw new AppError(
      "CONFLICT",
      "Your lease on this item expired and it went to another reviewer. Your draft is kept.",
      {
        extra: { reason: LEASE_LOST },
      },
    );
  }
  throw notFound("Assignment");
}

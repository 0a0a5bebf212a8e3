import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors/app-error";

type TRow = { itemId: string; userId: string; status: string };

/** `extra.reason` of the 409 thrown when the slot went to someone else. */
export const LEASE_LOST = "lease_lost";

/**
 * Marks the caller's assignment submitted, inside the caller's transaction (which writes the
 * payload rows). A lease past its time still counts while nobody took its slot; once the slot went
 * to someone else the submit is refused with 409 (the draft stays on the assignment).
 */
export async function submitAssignment(
  tx: TTx,
  input: { assignmentId: string; userId: string },
): Promise<"submitted" | "already_submitted"> {
  const found = await tx.$queryRaw<TRow[]>`
    SELECT "itemId", "userId", status::text AS status FROM "QueueAssignment" WHERE id = ${input.assignmentId}::uuid`;
  const first = found[0];
  if (!first || first.userId !== input.userId) throw notFound("Assignment");

  // Item lock before assignment lock: the order every queue operation uses.
  const items = await tx.$queryRaw<{ capacity: number; claimedSlots: number }[]>`
    SELECT capacity, "claimedSlots" FROM "QueueItem" WHERE id = ${first.itemId}::uuid FOR UPDATE`;
  const item = items[0];
  if (!item) throw notFound("Assignment");
  const locked = await tx.$queryRaw<TRow[]>`
    SELECT "itemId", "userId", status::text AS status FROM "QueueAssignment" WHERE id = ${input.assignmentId}::uuid FOR UPDATE`;
  const a = locked[0];
  if (!a) throw notFound("Assignment");

  if (a.status === "SUBMITTED") return "already_submitted";
  if (a.status !== "LEASED") {
    if (item.claimedSlots >= item.capacity) {
      throw new AppError("CONFLICT", "Your lease on this item expired and it went to another reviewer. Your draft is kept.", {
        extra: { reason: LEASE_LOST },
      });
    }
    // The slot was freed and nobody took it: the late submit takes it back.
    await tx.$executeRaw`UPDATE "QueueItem" SET "claimedSlots" = "claimedSlots" + 1 WHERE id = ${a.itemId}::uuid`;
  }
  await tx.$executeRaw`
    UPDATE "QueueAssignment" SET status = 'SUBMITTED', "submittedAt" = (now() AT TIME ZONE 'UTC')
     WHERE id = ${input.assignmentId}::uuid`;
  await tx.$executeRaw`UPDATE "QueueItem" SET "completedSlots" = "completedSlots" + 1 WHERE id = ${a.itemId}::uuid`;
  return "submitted";
}

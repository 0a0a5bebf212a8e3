import "server-only";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TQueueClient } from "./types";

/** Autosaves unsubmitted work on the caller's assignment; kept across lease expiry. */
export async function saveAssignmentDraft(
  userId: string,
  assignmentId: string,
  draft: Prisma.InputJsonValue,
  client: TQueueClient = db(),
): Promise<void> {
  const a = await client.queueAssignment.findFirst({
    where: { id: assignmentId, userId },
    select: { status: true },
  });
  if (!a) throw notFound("Assignment");
  const r = await client.queueAssignment.updateMany({
    where: { id: assignmentId, userId, status: { not: "SUBMITTED" } },
    data: { draft },
  });
  if (r.count === 0) throw new AppError("CONFLICT", "This item is already submitted");
}

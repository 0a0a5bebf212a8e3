import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { releaseAssignment, saveAssignmentDraft } from "@/lib/queue";
import type { ZDraft } from "./schemas";

/** Server-side autosave of the review form. */
export async function saveReviewDraft(user: TCurrentUser, assignmentId: string, draft: z.infer<typeof ZDraft>): Promise<void> {
  await saveAssignmentDraft(user.id, assignmentId, JSON.parse(JSON.stringify(draft)) as Prisma.InputJsonValue);
}

/** Skip: the slot goes back to the queue for someone else. */
export async function skipReviewItem(user: TCurrentUser, assignmentId: string): Promise<boolean> {
  return releaseAssignment(user.id, assignmentId);
}

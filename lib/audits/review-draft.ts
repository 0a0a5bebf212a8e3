import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TRequestContext } from "@/lib/http/request-context";
import { releaseAssignment, saveAssignmentDraft } from "@/lib/queue";
import type { ZDraft } from "./schemas";

/** Server-side autosave of the review form. */
export async function saveReviewDraft(user: TCurrentUser, assignmentId: string, draft: z.infer<typeof ZDraft>): Promise<void> {
  await saveAssignmentDraft(user.id, assignmentId, JSON.parse(JSON.stringify(draft)) as Prisma.InputJsonValue);
}

/** Skip: the slot goes back to the queue for someone else; recorded (audit.skip) with the release. */
export async function skipReviewItem(user: TCurrentUser, assignmentId: string, ctx: TRequestContext): Promise<boolean> {
  return releaseAssignment(user.id, assignmentId, undefined, (tx, { itemId }) =>
    recordAudit(tx, ctx, { actorId: user.id, action: "audit.skip", entityType: "audit_item", entityId: itemId, after: { assignmentId } }),
  );
}

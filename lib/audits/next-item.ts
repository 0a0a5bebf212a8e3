import "server-only";
import { db } from "@/lib/db/prisma";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimNextItem } from "@/lib/queue";
import { flagsOf, type TFlag } from "./flags";

export type TReviewTask = {
  assignmentId: string;
  campaignId: string;
  instruction: string;
  input: string;
  output: string;
  flags: TFlag[];
  draft: Prisma.JsonValue;
  resumed: boolean;
  leaseExpiresAt: string;
};

/** What a reviewer sees of an item: never whether it is gold, never other reviews. */
export async function taskForAssignment(userId: string, assignmentId: string, resumed: boolean): Promise<TReviewTask> {
  const a = await db().queueAssignment.findFirst({
    where: { id: assignmentId, userId },
    include: { item: { include: { auditItem: { include: { record: true, campaign: { select: { id: true, flags: true } } } } } } },
  });
  const ai = a?.item.auditItem;
  if (!a || !ai) throw notFound("Assignment");
  return {
    assignmentId: a.id,
    campaignId: ai.campaign.id,
    instruction: ai.record.instruction,
    input: ai.record.input,
    output: ai.record.output ?? "",
    flags: flagsOf(ai.campaign.flags),
    draft: a.draft,
    resumed,
    leaseExpiresAt: a.leaseExpiresAt.toISOString(),
  };
}

/** The caller's next item of an active campaign (their open lease first); null when none is left. */
export async function nextReviewItem(user: TCurrentUser, campaignId: string): Promise<TReviewTask | null> {
  const c = await db().auditCampaign.findUnique({ where: { id: campaignId }, select: { status: true, leaseMinutes: true } });
  if (!c) throw notFound("Campaign");
  if (c.status !== "ACTIVE") throw new AppError("CONFLICT", `This campaign is ${c.status.toLowerCase()}`);
  const claim = await claimNextItem({ queueId: campaignId, userId: user.id, leaseMinutes: c.leaseMinutes });
  return claim ? taskForAssignment(user.id, claim.assignmentId, claim.resumed) : null;
}

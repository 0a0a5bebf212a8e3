import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { flagsOf, type TFlag } from "./flags";

/** Admins edit the rubric's flags; a flag already used in a review cannot be removed (its data would dangle). */
export async function updateCampaignFlags(
  user: TCurrentUser,
  campaignId: string,
  flags: TFlag[],
  ctx: TRequestContext,
): Promise<TFlag[]> {
  return db().$transaction(async (tx) => {
    const c = await tx.auditCampaign.findUnique({
      where: { id: campaignId },
      select: { flags: true, status: true },
    });
    if (!c) throw notFound("Campaign");
    if (c.status === "CLOSED") throw new AppError("CONFLICT", "This campaign is closed");
    const keep = new Set(flags.map((f) => f.key));
    const removed = flagsOf(c.flags)
      .filter((f) => !keep.has(f.key))
      .map((f) => f.key);
    if (removed.length > 0) {
      const used = await tx.auditReview.count({
        where: { item: { campaignId }, flags: { hasSome: removed } },
      });
      if (used > 0)
        throw new AppError(
          "CONFLICT",
          "A flag that reviewers have already used cannot be removed; rename it instead",
        );
    }
    await tx.auditCampaign.update({ where: { id: campaignId }, data: { flags } });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "audit.flags",
      entityType: "audit_campaign",
      entityId: campaignId,
      before: flagsOf(c.flags),
      after: flags,
    });
    return flags;
  });
}

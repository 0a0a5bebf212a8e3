import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";

const MOVES = {
  pause: { from: ["ACTIVE"], to: "PAUSED" },
  resume: { from: ["PAUSED"], to: "ACTIVE" },
  close: { from: ["ACTIVE", "PAUSED"], to: "CLOSED" },
} as const;
export type TCampaignMove = keyof typeof MOVES;

export async function setCampaignStatus(
  user: TCurrentUser,
  id: string,
  move: TCampaignMove,
  ctx: TRequestContext,
): Promise<{ status: string }> {
  const m = MOVES[move];
  return db().$transaction(async (tx) => {
    const c = await tx.auditCampaign.findUnique({ where: { id }, select: { status: true, datasetId: true } });
    if (!c) throw notFound("Campaign");
    const r = await tx.auditCampaign.updateMany({
      where: { id, status: { in: [...m.from] } },
      data: { status: m.to, ...(m.to === "CLOSED" ? { closedAt: new Date() } : {}) },
    });
    if (r.count === 0) throw new AppError("CONFLICT", `A ${c.status.toLowerCase()} campaign cannot ${move}`);
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: `audit.${move}`,
      entityType: "audit_campaign",
      entityId: id,
      before: { status: c.status },
      after: { status: m.to },
    });
    if (m.to === "CLOSED") {
      const [items, currentReviews] = await Promise.all([
        tx.auditItem.count({ where: { campaignId: id } }),
        tx.auditReview.count({ where: { item: { campaignId: id }, supersededAt: null } }),
      ]);
      await emitWebhookEvent(tx, {
        type: "campaign.closed",
        data: { campaignId: id, datasetId: c.datasetId, items, currentReviews },
      });
    }
    return { status: m.to };
  });
}

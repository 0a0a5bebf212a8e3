import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { QUEUE_TX_OPTIONS, leftOutClaimers, lockClaimsOf, releaseLeasesExcept } from "@/lib/queue";

/**
 * Names the reviewers who may claim from a campaign ([] opens it to every reviewer). Allowed until
 * the campaign closes, so a reviewer who drops out can be replaced. One transaction: the list, the
 * release of every live lease held by someone the new list leaves out (their slot goes straight
 * back to the queue instead of waiting out the lease), and the audit row naming both.
 * (lib/queue's releaseLeasesExcept: a reviewer named again may pick the item up, with their draft).
 */
export async function setCampaignReviewers(
  user: TCurrentUser,
  campaignId: string,
  reviewerIds: readonly string[],
  ctx: TRequestContext | null,
) {
  return db().$transaction(async (tx) => {
    // Locks the campaign row: two admins saving at once apply one after the other.
    const [campaign] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM "AuditCampaign" WHERE id = ${campaignId}::uuid FOR NO KEY UPDATE`;
    if (!campaign) throw notFound("Campaign");
    if (campaign.status === "CLOSED") throw new AppError("CONFLICT", "This campaign is closed");
    const ids = [...new Set(reviewerIds)].sort();
    if (ids.length) {
      const found = await tx.user.count({ where: { id: { in: ids }, role: "CLINICIAN", status: "ACTIVE" } });
      if (found !== ids.length) {
        throw new AppError("VALIDATION", "Every reviewer must be an active clinician", {
          fieldErrors: { reviewerIds: ["Unknown or not an active clinician"] },
        });
      }
    }
    const before = (
      await tx.auditCampaignReviewer.findMany({ where: { campaignId }, select: { userId: true } })
    )
      .map((r) => r.userId)
      .sort();
    // A claim of someone left out that is running now must commit before their leases are ended
    // (else its lease would outlive the change), and one that starts later must see the new list.
    await lockClaimsOf(tx, campaignId, await leftOutClaimers(tx, before, ids));
    await tx.auditCampaignReviewer.deleteMany({ where: { campaignId } });
    if (ids.length) {
      await tx.auditCampaignReviewer.createMany({ data: ids.map((userId) => ({ campaignId, userId })) });
    }
    // Only a restricted list leaves anyone out.
    const released = ids.length ? await releaseLeasesExcept(tx, campaignId, ids) : [];
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "audit.set_reviewers",
      entityType: "audit_campaign",
      entityId: campaignId,
      before: { reviewerIds: before },
      after: { reviewerIds: ids, releasedAssignmentIds: released.map((r) => r.id) },
    });
    return { reviewerIds: ids, releasedAssignments: released.length };
  }, QUEUE_TX_OPTIONS);
}

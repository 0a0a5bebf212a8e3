import "server-only";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Who may review a campaign. None named: every reviewer (the default). Some named: only they, and
 * the claim rule in SQL enforces it (queue_open_to inside queue_item_open_for, migration
 * …_campaign_reviewers), so no caller can get around it.
 *
 * Someone a restricted campaign does not name is answered 403, not 204 ("nothing left for you"
 * would send them away believing the work is done, and a 204 would look the same as a finished
 * campaign) and not 404 (the campaign's reviewers and admins already see it by name on reports;
 * hiding its existence from a clinician protects nothing and makes a removed reviewer's open tab
 * say "unknown campaign"). Studies answer 404 for raters they do not name: their title is blinded
 * material, a campaign's is not.
 */
export const notNamedReviewer = () =>
  new AppError("FORBIDDEN", "This campaign is open to its named reviewers only");

/** Campaigns the user may review: open to all, or naming them (lists and the home page). */
export const openToReviewer = (userId: string): Prisma.AuditCampaignWhereInput => ({
  OR: [{ reviewers: { none: {} } }, { reviewers: { some: { userId } } }],
});

/** A campaign's named reviewers and everyone who could be named (active clinicians), for its admin page. */
export async function listCampaignReviewers(campaignId: string) {
  const [campaign, candidates] = await Promise.all([
    db().auditCampaign.findUnique({
      where: { id: campaignId },
      select: { reviewers: { select: { userId: true } } },
    }),
    db().user.findMany({
      where: { role: "CLINICIAN", status: "ACTIVE" },
      orderBy: { name: "asc" },
      select: { id: true, name: true, email: true },
    }),
  ]);
  if (!campaign) throw notFound("Campaign");
  return { reviewerIds: campaign.reviewers.map((r) => r.userId).sort(), candidates };
}

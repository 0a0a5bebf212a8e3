import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { notNamedReviewer, openToReviewer } from "@/lib/audits/campaign-reviewers";
import { studyForRater } from "@/lib/studies/rater-access";
import type { TGuidelineOwner } from "./owner";

/**
 * The rater may work on the owner, so may read its guidelines: a campaign open to them (403 when it
 * names others, as the claim answers), a study started and open to them (404 otherwise: a study's
 * existence is blinded material).
 */
export async function assertRaterAccess(user: TCurrentUser, owner: TGuidelineOwner): Promise<void> {
  if (owner.kind === "study") {
    await studyForRater(user.id, owner.id);
    return;
  }
  const c = await db().auditCampaign.findUnique({ where: { id: owner.id }, select: { id: true } });
  if (!c) throw notFound("Campaign");
  const open = await db().auditCampaign.count({ where: { id: owner.id, ...openToReviewer(user.id) } });
  if (!open) throw notNamedReviewer();
}

import "server-only";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { queueProgress } from "@/lib/queue";
import { openToReviewer } from "./campaign-reviewers";
import { flagsOf } from "./flags";

/** A campaign's settings and live progress (overall and per pseudonymous reviewer). */
export async function getCampaign(id: string) {
  const c = await db().auditCampaign.findUnique({
    where: { id },
    include: { dataset: { select: { id: true, name: true } } },
  });
  if (!c) throw notFound("Campaign");
  const progress = await queueProgress(id);
  const users = await db().user.findMany({
    where: { id: { in: progress.perUser.map((p) => p.userId) } },
    select: { id: true, pseudonym: true },
  });
  const pseudonym = new Map(users.map((u) => [u.id, u.pseudonym]));
  return {
    id: c.id,
    name: c.name,
    status: c.status,
    dataset: c.dataset,
    sampleSize: c.sampleSize,
    sampleFraction: c.sampleFraction,
    strata: c.strataField,
    seed: c.seed,
    reviewersPerItem: c.reviewersPerItem,
    leaseMinutes: c.leaseMinutes,
    flags: flagsOf(c.flags),
    createdAt: c.createdAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    progress: {
      items: progress.items,
      slots: progress.slots,
      completedReviews: progress.completedSlots,
      completeItems: progress.completeItems,
      perReviewer: progress.perUser.map((p) => ({
        reviewer: pseudonym.get(p.userId) ?? "unknown",
        submitted: p.submitted,
        inProgress: p.leased,
      })),
    },
  };
}

/**
 * Newest first. With `reviewerId` (a reviewer's own list), only campaigns open to them: a
 * campaign with named reviewers is not shown to anyone else (campaign-reviewers.ts).
 */
export async function listCampaigns(reviewerId?: string) {
  const rows = await db().auditCampaign.findMany({
    where: reviewerId ? openToReviewer(reviewerId) : {},
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      name: true,
      status: true,
      sampleSize: true,
      reviewersPerItem: true,
      createdAt: true,
      dataset: { select: { name: true } },
    },
  });
  return rows.map((r) => ({ ...r, dataset: r.dataset.name, createdAt: r.createdAt.toISOString() }));
}

import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { countNeedsMyReview } from "@/lib/seeds/needs-review";
import { db } from "@/lib/db/prisma";
import { openToReviewer } from "@/lib/audits/campaign-reviewers";
import { listStudiesForRater } from "@/lib/studies/rater-access";
import { homeSections, type THomeSection } from "@/lib/users/home-sections";

/** A queue (campaign or study) the caller works in: what is left for them and what they did. */
export type TQueueWork = { id: string; name: string; paused: boolean; remaining: number; done: number };
type TListed = { id: string; name: string; status: string };
type TProgress = TListed & { completed: number; slots: number };

export type THomeSummary = {
  sections: THomeSection[];
  seedWork?: { drafts: number; changesRequested: number; submitted: number; awaitingReview: number };
  auditWork?: TQueueWork[];
  ratingWork?: TQueueWork[];
  adminOverview?: {
    imports: { inProgress: number; awaitingCampaign: number };
    campaigns: { active: number; paused: number; recent: TProgress[] };
    studies: { draft: number; active: number; paused: number; recent: TProgress[] };
    users: { active: number; disabled: number; pendingInvites: number };
  };
  results?: { audits: TListed[]; studies: TListed[] };
};

const LIST = 8;

const byStatus = (rows: { status: string; _count: { _all: number } }[], status: string): number =>
  rows.find((r) => r.status === status)?._count._all ?? 0;

async function seedWork(user: TCurrentUser): Promise<NonNullable<THomeSummary["seedWork"]>> {
  const [mine, awaitingReview] = await Promise.all([
    db().seed.groupBy({
      by: ["status"],
      where: { authorId: user.id, status: { in: ["DRAFT", "CHANGES_REQUESTED", "SUBMITTED"] } },
      _count: { _all: true },
    }),
    // The review inbox's own rule: others' submitted seeds not yet reviewed at their current version.
    countNeedsMyReview(user),
  ]);
  return {
    drafts: byStatus(mine, "DRAFT"),
    changesRequested: byStatus(mine, "CHANGES_REQUESTED"),
    submitted: byStatus(mine, "SUBMITTED"),
    awaitingReview,
  };
}

/**
 * Per queue: items the caller could still claim (by the claim rule queue_claim uses) plus their
 * own leases, and how many they submitted. Two grouped counts, whatever the number of queues.
 */
async function queueWork(userId: string, queues: TListed[]): Promise<TQueueWork[]> {
  if (queues.length === 0) return [];
  const ids = queues.map((q) => q.id);
  const [open, mine] = await Promise.all([
    // The claim rule itself (SQL function queue_item_open_for, migration …_queue_claim_rule), so
    // "left for you" can never disagree with what a claim hands out.
    db().$queryRaw<{ queueId: string; n: number }[]>`
      SELECT qi."queueId", count(*)::int AS n FROM "QueueItem" qi
       WHERE qi."queueId" = ANY(${ids}::uuid[]) AND queue_item_open_for(qi, ${userId}::uuid)
       GROUP BY qi."queueId"`,
    db().queueAssignment.groupBy({
      by: ["queueId", "status"],
      where: { userId, queueId: { in: ids }, status: { in: ["LEASED", "SUBMITTED"] } },
      _count: { _all: true },
    }),
  ]);
  return queues.map((q) => {
    const free = open.find((r) => r.queueId === q.id)?.n ?? 0;
    const held = mine.find((r) => r.queueId === q.id && r.status === "LEASED")?._count._all ?? 0;
    const done = mine.find((r) => r.queueId === q.id && r.status === "SUBMITTED")?._count._all ?? 0;
    return { id: q.id, name: q.name, paused: q.status === "PAUSED", remaining: free + held, done };
  });
}

async function withProgress(rows: TListed[]): Promise<TProgress[]> {
  if (rows.length === 0) return [];
  const sums = await db().queueItem.groupBy({
    by: ["queueId"],
    where: { queueId: { in: rows.map((r) => r.id) } },
    _sum: { capacity: true, completedSlots: true },
  });
  return rows.map((r) => {
    const s = sums.find((x) => x.queueId === r.id)?._sum;
    return { ...r, completed: s?.completedSlots ?? 0, slots: s?.capacity ?? 0 };
  });
}

async function adminOverview(): Promise<NonNullable<THomeSummary["adminOverview"]>> {
  const select = { id: true, name: true, status: true } as const;
  const [
    inProgress,
    awaitingCampaign,
    campaigns,
    campaignCounts,
    studies,
    studyCounts,
    userCounts,
    pendingInvites,
  ] = await Promise.all([
    db().dataset.count({ where: { status: "STAGING" } }),
    db().dataset.count({ where: { status: "READY", campaigns: { none: {} } } }),
    db().auditCampaign.findMany({
      where: { status: { in: ["ACTIVE", "PAUSED"] } },
      orderBy: { createdAt: "desc" },
      take: LIST,
      select,
    }),
    db().auditCampaign.groupBy({ by: ["status"], _count: { _all: true } }),
    db().study.findMany({
      where: { status: { in: ["DRAFT", "ACTIVE", "PAUSED"] } },
      orderBy: { createdAt: "desc" },
      take: LIST,
      select,
    }),
    db().study.groupBy({ by: ["status"], _count: { _all: true } }),
    db().user.groupBy({ by: ["status"], _count: { _all: true } }),
    db().accountLink.count({ where: { kind: "INVITE", usedAt: null, expiresAt: { gt: new Date() } } }),
  ]);
  const [recentCampaigns, recentStudies] = await Promise.all([
    withProgress(campaigns),
    withProgress(studies),
  ]);
  return {
    imports: { inProgress, awaitingCampaign },
    campaigns: {
      active: byStatus(campaignCounts, "ACTIVE"),
      paused: byStatus(campaignCounts, "PAUSED"),
      recent: recentCampaigns,
    },
    studies: {
      draft: byStatus(studyCounts, "DRAFT"),
      active: byStatus(studyCounts, "ACTIVE"),
      paused: byStatus(studyCounts, "PAUSED"),
      recent: recentStudies,
    },
    users: {
      active: byStatus(userCounts, "ACTIVE"),
      disabled: byStatus(userCounts, "DISABLED"),
      pendingInvites,
    },
  };
}

async function results(): Promise<NonNullable<THomeSummary["results"]>> {
  const select = { id: true, name: true, status: true } as const;
  const [audits, studies] = await Promise.all([
    db().auditCampaign.findMany({ orderBy: { createdAt: "desc" }, take: LIST, select }),
    // A draft study has no results yet.
    db().study.findMany({
      where: { status: { not: "DRAFT" } },
      orderBy: { createdAt: "desc" },
      take: LIST,
      select,
    }),
  ]);
  return { audits, studies };
}

/**
 * The caller's home page: their own work for what their role does, and nothing their role may
 * not see (sections follow the permission table, so this fails closed like every other check).
 */
export async function loadHomeSummary(user: TCurrentUser): Promise<THomeSummary> {
  const sections = homeSections(user.role);
  const has = (s: THomeSection) => sections.includes(s);
  const [seeds, audits, rating, admin, res] = await Promise.all([
    has("seedWork") ? seedWork(user) : undefined,
    has("auditWork")
      ? db()
          .auditCampaign.findMany({
            // Restricted campaigns only for their named reviewers.
            where: { status: "ACTIVE", ...openToReviewer(user.id) },
            orderBy: { createdAt: "desc" },
            take: LIST,
            select: { id: true, name: true, status: true },
          })
          .then((c) => queueWork(user.id, c))
      : undefined,
    // Raters see a study's title, never its internal name.
    has("ratingWork")
      ? listStudiesForRater(user.id).then((s) =>
          queueWork(
            user.id,
            s.slice(0, LIST).map((r) => ({ id: r.id, name: r.title, status: r.status })),
          ),
        )
      : undefined,
    has("adminOverview") ? adminOverview() : undefined,
    has("results") ? results() : undefined,
  ]);
  return {
    sections,
    seedWork: seeds,
    auditWork: audits,
    ratingWork: rating,
    adminOverview: admin,
    results: res,
  };
}

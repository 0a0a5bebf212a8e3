import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TTx } from "@/lib/db/prisma";
import type { TQueueReopen, TReopenRefusal } from "@/lib/queue/queue-feature";
import { toModelChoice } from "@/lib/studies/choose-shown-left";

/** How long after a submit a rating may be reopened. */
export const RATING_UNDO_MS = 10 * 60 * 1000;

/** What the study rules of a reopen look at (also the My answers list's, without locks). */
export type TJudgementReopenFacts = {
  studyId: string;
  studyStatus: string;
  /** When the answer (its current revision, or the one just reopened) was submitted. */
  submittedAt: Date;
  /** Ids of the current rows (one per criterion); empty once reopened. */
  currentIds: string[];
  /** The rating form's draft, in the rater's own terms (A = left): it names no model. */
  draft: { choices: Record<string, string>; rationale: string };
};

/** Studies: for 10 minutes after the submit, while the study is open (ACTIVE). */
export function judgementReopenRefusal(
  f: { studyStatus: string; submittedAt: Date },
  now: Date,
): TReopenRefusal | null {
  if (f.studyStatus !== "ACTIVE")
    return { reason: "queue_not_open", message: "The study is not open, so the rating cannot be reopened" };
  if (now.getTime() - f.submittedAt.getTime() > RATING_UNDO_MS)
    return { reason: "too_late", message: "A rating can be reopened for 10 minutes after it was submitted" };
  return null;
}

async function load(tx: TTx, assignmentId: string, userId: string) {
  const rows = await tx.$queryRaw<{ queueId: string; leaseMinutes: number; studyStatus: string }[]>`
    SELECT a."queueId", s."leaseMinutes", s.status::text AS "studyStatus"
      FROM "QueueAssignment" a JOIN "Study" s ON s.id = a."queueId"
     WHERE a.id = ${assignmentId}::uuid AND a."userId" = ${userId}::uuid
       FOR SHARE OF s`;
  const row = rows[0];
  if (!row) return null;
  const top = await tx.studyJudgement.findFirst({
    where: { assignmentId },
    orderBy: { revision: "desc" },
    select: { revision: true },
  });
  // No rating yet (leased, skipped): lib/queue answers 409 not_submitted.
  const latest = top
    ? await tx.studyJudgement.findMany({ where: { assignmentId, revision: top.revision } })
    : [];
  const current = latest.filter((j) => j.supersededAt === null);
  const first = latest[0];
  return {
    queueId: row.queueId,
    leaseMinutes: row.leaseMinutes,
    reopened: first !== undefined && current.length === 0 && latest.every((j) => j.supersededById === null),
    answer: {
      studyId: row.queueId,
      studyStatus: row.studyStatus,
      submittedAt: first?.createdAt ?? new Date(0),
      currentIds: current.map((j) => j.id),
      draft: {
        // toModelChoice swaps A/B when B was shown left: the same swap turns it back.
        choices: Object.fromEntries(latest.map((j) => [j.criterion, toModelChoice(j.choice, j.shownLeft)])),
        rationale: first?.rationale ?? "",
      },
    } satisfies TJudgementReopenFacts,
  };
}

/**
 * Undo of a rating: its rows are kept, marked superseded, and the resubmit writes the next
 * revision (submit-judgement.ts). The audit row names the assignment only, as study.judgement's.
 */
export const judgementReopen: TQueueReopen<TJudgementReopenFacts> = {
  load: (tx, ref) => load(tx, ref.assignmentId, ref.user.id),
  refusal: judgementReopenRefusal,
  async check(client, assignmentId, now) {
    // The current revision's time, as `load` reads it (createdAt of its rows).
    const rows = await client.$queryRaw<{ studyStatus: string; submittedAt: Date | null }[]>`
      SELECT s.status::text AS "studyStatus",
             (SELECT max(j."createdAt") FROM "StudyJudgement" j
               WHERE j."assignmentId" = a.id AND j."supersededAt" IS NULL) AS "submittedAt"
        FROM "QueueAssignment" a JOIN "Study" s ON s.id = a."queueId"
       WHERE a.id = ${assignmentId}::uuid`;
    const row = rows[0];
    if (!row?.submittedAt) return { reason: "not_submitted", message: "No rating to reopen" };
    return judgementReopenRefusal({ studyStatus: row.studyStatus, submittedAt: row.submittedAt }, now);
  },
  async reopened(client, assignmentId) {
    // As `load`: every row of the latest revision superseded, none by a resubmitted one.
    const [row] = await client.$queryRaw<{ reopened: boolean | null }[]>`
      SELECT bool_and(j."supersededAt" IS NOT NULL AND j."supersededById" IS NULL) AS reopened
        FROM "StudyJudgement" j
       WHERE j."assignmentId" = ${assignmentId}::uuid
         AND j.revision = (SELECT max(revision) FROM "StudyJudgement" WHERE "assignmentId" = ${assignmentId}::uuid)`;
    return row?.reopened ?? false;
  },
  async supersede(tx, { user, assignmentId }, facts, ctx) {
    if (facts.currentIds.length > 0) {
      await tx.studyJudgement.updateMany({
        where: { id: { in: facts.currentIds } },
        data: { supersededAt: new Date() },
      });
    }
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "study.reopen",
      entityType: "queue_assignment",
      entityId: assignmentId,
      after: { studyId: facts.studyId },
    });
    return { ...facts.draft, elapsedMs: 0 };
  },
};

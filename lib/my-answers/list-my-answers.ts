import "server-only";
import { hasPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { reviewReopenRefusal } from "@/lib/audits/reopen-review";
import { readStoredTurns } from "@/lib/conversations/stored-turns";
import { db } from "@/lib/db/prisma";
import { forbidden } from "@/lib/errors/app-error";
import { toModelChoice } from "@/lib/studies/choose-shown-left";
import { judgementReopenRefusal } from "@/lib/studies/reopen-judgement";
import { studyCriteria } from "@/lib/studies/study-criteria";
import {
  ZMyChoice,
  ZMyVerdict,
  type TMyAnswer,
  type TMyAnswers,
  type TMyAnswersQuery,
  type TReopenState,
} from "./schemas";

const LIMIT = 200;
const excerpt = (text: string) => (text.length > 140 ? `${text.slice(0, 139)}…` : text);
/** A stored context ends with the last user turn, which the excerpt shows. */
const earlierTurns = (context: unknown) => Math.max(0, (readStoredTurns(context)?.length ?? 0) - 1);
const stateOf = (r: { reason: string; message: string } | null): TReopenState =>
  r ? { allowed: false, ...r } : { allowed: true };

function dateRange(q: TMyAnswersQuery) {
  if (!q.from && !q.to) return undefined;
  const to = q.to ? new Date(`${q.to}T00:00:00Z`) : undefined;
  return {
    ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}),
    // Through the whole "to" day.
    ...(to ? { lt: new Date(to.getTime() + 86_400_000) } : {}),
  };
}

async function auditAnswers(userId: string, q: TMyAnswersQuery): Promise<TMyAnswer[]> {
  const verdict = q.answer ? ZMyVerdict.safeParse(q.answer) : null;
  if (verdict && !verdict.success) return [];
  const rows = await db().auditReview.findMany({
    where: {
      reviewerId: userId,
      supersededAt: null,
      ...(q.queueId ? { item: { campaignId: q.queueId } } : {}),
      ...(verdict?.success ? { verdict: verdict.data } : {}),
      ...(dateRange(q) ? { createdAt: dateRange(q) } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIMIT,
    select: {
      assignmentId: true,
      verdict: true,
      revision: true,
      createdAt: true,
      item: {
        select: {
          adjudicatedAt: true,
          record: { select: { instruction: true, context: true } },
          campaign: { select: { id: true, name: true, status: true } },
        },
      },
    },
  });
  return rows.map((r) => ({
    kind: "audit",
    assignmentId: r.assignmentId,
    queueId: r.item.campaign.id,
    title: r.item.campaign.name,
    submittedAt: r.createdAt.toISOString(),
    revision: r.revision,
    excerpt: excerpt(r.item.record.instruction),
    earlierTurns: earlierTurns(r.item.record.context),
    verdict: r.verdict,
    reopen: stateOf(
      reviewReopenRefusal({
        campaignStatus: r.item.campaign.status,
        adjudicated: r.item.adjudicatedAt !== null,
      }),
    ),
  }));
}

async function studyAnswers(userId: string, q: TMyAnswersQuery, now: Date): Promise<TMyAnswer[]> {
  if (q.answer && !ZMyChoice.safeParse(q.answer).success) return [];
  const rows = await db().studyJudgement.findMany({
    where: {
      raterId: userId,
      supersededAt: null,
      ...(q.queueId ? { comparison: { studyId: q.queueId } } : {}),
      ...(dateRange(q) ? { createdAt: dateRange(q) } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIMIT * 4,
    select: {
      assignmentId: true,
      criterion: true,
      choice: true,
      shownLeft: true,
      revision: true,
      createdAt: true,
      comparison: {
        select: {
          prompt: { select: { instruction: true, context: true } },
          study: { select: { id: true, title: true, status: true, criteria: true } },
        },
      },
    },
  });
  const byAssignment = new Map<string, typeof rows>();
  for (const r of rows) byAssignment.set(r.assignmentId, [...(byAssignment.get(r.assignmentId) ?? []), r]);
  const answers: TMyAnswer[] = [];
  for (const [assignmentId, group] of byAssignment) {
    const first = group[0];
    if (!first) continue;
    const study = first.comparison.study;
    const labels = new Map(studyCriteria(study.criteria).map((c) => [c.key, c.label]));
    // Back into what the rater saw (A = left): the stored choice is in model terms.
    const choices = group.map((j) => ({
      criterion: labels.get(j.criterion) ?? j.criterion,
      choice: toModelChoice(j.choice, j.shownLeft),
    }));
    if (q.answer && !choices.some((c) => c.choice === q.answer)) continue;
    answers.push({
      kind: "study",
      assignmentId,
      queueId: study.id,
      title: study.title,
      submittedAt: first.createdAt.toISOString(),
      revision: first.revision,
      excerpt: excerpt(first.comparison.prompt.instruction),
      earlierTurns: earlierTurns(first.comparison.prompt.context),
      choices,
      reopen: stateOf(
        judgementReopenRefusal({ studyStatus: study.status, submittedAt: first.createdAt }, now),
      ),
    });
  }
  return answers.slice(0, LIMIT);
}

/** The caller's current reviews and ratings, newest first, each with whether it may be reopened. */
export async function listMyAnswers(user: TCurrentUser, q: TMyAnswersQuery): Promise<TMyAnswers> {
  const audits = hasPermission(user.role, "audits:review");
  const studies = hasPermission(user.role, "studies:rate");
  if (!audits && !studies) throw forbidden();
  const now = new Date();
  const [a, s] = await Promise.all([
    audits && q.kind !== "study" ? auditAnswers(user.id, q) : [],
    studies && q.kind !== "audit" ? studyAnswers(user.id, q, now) : [],
  ]);
  const answers = [...a, ...s].sort((x, y) => y.submittedAt.localeCompare(x.submittedAt)).slice(0, LIMIT);
  // Every campaign and study the caller answered in, for the filter (not only this page's).
  const [campaigns, studyRows] = await Promise.all([
    audits
      ? db().auditCampaign.findMany({
          where: { items: { some: { reviews: { some: { reviewerId: user.id } } } } },
          select: { id: true, name: true },
          orderBy: { createdAt: "desc" },
        })
      : [],
    studies
      ? db().study.findMany({
          where: { comparisons: { some: { judgements: { some: { raterId: user.id } } } } },
          select: { id: true, title: true },
          orderBy: { createdAt: "desc" },
        })
      : [],
  ]);
  return {
    answers,
    queues: [
      ...campaigns.map((c) => ({ kind: "audit" as const, id: c.id, title: c.name })),
      ...studyRows.map((s) => ({ kind: "study" as const, id: s.id, title: s.title })),
    ],
  };
}

// Undo (issue 15): reopening a submitted review or rating through the queue protocol, every
// refusal, concurrency (two reopens, a reopen against claims), revisions in the statistics, the
// work screens' progress and the My answers list (blinded for studies), with each role.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { closeCampaignRoute } from "@/lib/audits/campaign-routes";
import { campaignProgressRoute, nextItemRoute } from "@/lib/audits/review-routes";
import { nextAssignmentRoute, studyProgressRoute } from "@/lib/studies/rating-routes";
import { assignmentReopenRoute, assignmentSkipRoute, assignmentSubmitRoute } from "@/lib/queue/routes";
import { myAnswersRoute } from "@/lib/my-answers/my-answers-route";
import { adjudicateItem } from "@/lib/audits/adjudicate";
import { loadCampaignReport } from "@/lib/audits/load-report";
import { loadCampaignItems } from "@/lib/audits/load-campaign-items";
import { reviewsCsv } from "@/lib/audits/campaign-downloads";
import { setStudyStatus } from "@/lib/studies/set-study-status";
import { loadJudgements } from "@/lib/studies/load-judgements";
import { apiCaller } from "../support/api-caller";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { openCampaign, startedStudy } from "../support/queue-fixtures";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TCaller = Awaited<ReturnType<typeof apiCaller>>;
type TAdmin = TCaller;

const campaign = (admin: TAdmin, items: number, reviewersPerItem = 1) =>
  openCampaign(admin, items, { name: "Ward round audit", reviewersPerItem });
const study = (items: number) =>
  startedStudy(items, { name: "Internal m-one vs m-two", title: "Discharge advice" });

const claimAudit = async (me: TCaller, id: string) => {
  const r = await me.call(nextItemRoute, `/api/v1/audits/${id}/assignments/next`, {
    method: "POST",
    params: { id },
  });
  return r.status === 200
    ? ((await r.json()) as { assignmentId: string; draft: Record<string, unknown> | null })
    : null;
};
const claimStudy = async (me: TCaller, id: string) => {
  const r = await me.call(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, {
    method: "POST",
    params: { id },
  });
  const body = (await r.json()) as { assignmentId: string | null; draft: Record<string, unknown> | null };
  return r.status === 200 && body.assignmentId
    ? (body as { assignmentId: string; draft: Record<string, unknown> | null })
    : null;
};
const submit = (me: TCaller, id: string, body: Record<string, unknown>) =>
  me.call(assignmentSubmitRoute, `/api/v1/assignments/${id}/submit`, {
    method: "POST",
    body,
    params: { id },
  });
const reopen = (me: TCaller, id: string) =>
  me.call(assignmentReopenRoute, `/api/v1/assignments/${id}/reopen`, { method: "POST", params: { id } });
const reasonOf = async (r: Response) => ((await r.json()) as { reason?: string }).reason;

describe("undo of an audit review", () => {
  it("reopens (item pending again, draft kept), resubmits as revision 2, and the report counts the revision only", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await campaign(admin, 2);
    const me = await apiCaller("CLINICIAN");
    const a = (await claimAudit(me, id))!;
    expect((await submit(me, a.assignmentId, { verdict: "accept", flags: [] })).status).toBe(201);
    const next = (await claimAudit(me, id))!;
    expect(next.assignmentId).not.toBe(a.assignmentId);

    const r = await reopen(me, a.assignmentId);
    expect(r.status).toBe(200);
    // A repeat answers the same and reopens nothing more.
    expect((await reopen(me, a.assignmentId)).status).toBe(200);
    expect(await db().auditLog.count({ where: { action: "audit.reopen" } })).toBe(1);
    const reviews = await db().auditReview.findMany({ where: { assignmentId: a.assignmentId } });
    expect(reviews).toHaveLength(1);
    expect(reviews[0]?.supersededAt).not.toBeNull();
    // Pending again: the item's slot is no longer complete, and the report has no review of it.
    expect((await loadCampaignReport(id)).progress.reviews).toBe(0);
    // The other lease went back; the claim resumes the reopened item with the answer as the draft.
    const resumed = (await claimAudit(me, id))!;
    expect(resumed.assignmentId).toBe(a.assignmentId);
    expect(resumed.draft).toMatchObject({ verdict: "accept" });
    expect(await db().queueAssignment.count({ where: { userId: me.user.id, status: "LEASED" } })).toBe(1);

    expect((await submit(me, a.assignmentId, { verdict: "reject", flags: [] })).status).toBe(201);
    const both = await db().auditReview.findMany({
      where: { assignmentId: a.assignmentId },
      orderBy: { revision: "asc" },
    });
    expect(both.map((x) => [x.revision, x.verdict])).toEqual([
      [1, "accept"],
      [2, "reject"],
    ]);
    expect(both[0]?.supersededById).toBe(both[1]?.id);
    // The statistics use the revision in place of the first answer: a superseded one counted fails here.
    const report = await loadCampaignReport(id);
    expect(report.progress.reviews).toBe(1);
    expect(report.verdicts).toMatchObject({ accept: 0, reject: 1 });
    const { input } = await loadCampaignItems(id);
    expect(input.items.flatMap((it) => it.reviews.map((x) => x.verdict))).toEqual(["reject"]);
    const csv = await reviewsCsv(id);
    expect(csv).toContain("reject");
    expect(csv).not.toContain("accept");
  });

  it("refuses: not submitted, skipped, someone else's, campaign closed, item adjudicated", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await campaign(admin, 4);
    const me = await apiCaller("CLINICIAN");
    const other = await apiCaller("CLINICIAN");

    const leased = (await claimAudit(me, id))!;
    const notSubmitted = await reopen(me, leased.assignmentId);
    expect(notSubmitted.status).toBe(409);
    expect(await reasonOf(notSubmitted)).toBe("not_submitted");
    await me.call(assignmentSkipRoute, `/api/v1/assignments/${leased.assignmentId}/skip`, {
      method: "POST",
      params: { id: leased.assignmentId },
    });
    const skipped = await reopen(me, leased.assignmentId);
    expect(skipped.status).toBe(409);
    expect(await reasonOf(skipped)).toBe("not_submitted");

    const done = (await claimAudit(me, id))!;
    await submit(me, done.assignmentId, { verdict: "accept", flags: [] });
    expect((await reopen(other, done.assignmentId)).status).toBe(404);
    expect((await reopen(me, "00000000-0000-4000-8000-000000000000")).status).toBe(404);

    const item = await db().auditItem.findFirstOrThrow({
      where: { queueItem: { assignments: { some: { id: done.assignmentId } } } },
    });
    await adjudicateItem(admin.current, id, item.id, { verdict: "reject", flags: [] }, ctx());
    const adjudicated = await reopen(me, done.assignmentId);
    expect(adjudicated.status).toBe(409);
    expect(await reasonOf(adjudicated)).toBe("adjudicated");

    const last = (await claimAudit(me, id))!;
    await submit(me, last.assignmentId, { verdict: "accept", flags: [] });
    await admin.call(closeCampaignRoute, `/api/v1/audits/${id}/close`, { method: "POST", params: { id } });
    const closed = await reopen(me, last.assignmentId);
    expect(closed.status).toBe(409);
    expect(await reasonOf(closed)).toBe("queue_not_open");
    expect(await db().auditReview.count({ where: { supersededAt: { not: null } } })).toBe(0);
  });

  it("two reopens at once: one reopen, one audit row, the slot counted once", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await campaign(admin, 1);
    const me = await apiCaller("CLINICIAN");
    const a = (await claimAudit(me, id))!;
    await submit(me, a.assignmentId, { verdict: "accept", flags: [] });
    const [x, y] = await Promise.all([reopen(me, a.assignmentId), reopen(me, a.assignmentId)]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(await db().auditLog.count({ where: { action: "audit.reopen" } })).toBe(1);
    const qi = await db().queueItem.findFirstOrThrow({ where: { queueId: id } });
    expect([qi.claimedSlots, qi.completedSlots]).toEqual([1, 0]);
  });

  it("a reopen against claims: the slot stays the reviewer's, nobody is double-assigned", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await campaign(admin, 2);
    const me = await apiCaller("CLINICIAN");
    const other = await apiCaller("CLINICIAN");
    const a = (await claimAudit(me, id))!;
    await submit(me, a.assignmentId, { verdict: "accept", flags: [] });
    // My own claim of the next item and my reopen, and someone else's claim, at once.
    await Promise.all([
      reopen(me, a.assignmentId),
      claimAudit(me, id),
      claimAudit(other, id),
      claimAudit(other, id),
    ]);
    const items = await db().queueItem.findMany({ where: { queueId: id } });
    for (const it of items) expect(it.claimedSlots).toBeLessThanOrEqual(it.capacity);
    expect(
      await db().queueAssignment.count({ where: { userId: me.user.id, status: "LEASED" } }),
    ).toBeLessThanOrEqual(1);
    const mine = await db().queueAssignment.findUniqueOrThrow({ where: { id: a.assignmentId } });
    expect(mine.status).toBe("LEASED");
    expect(await db().queueAssignment.count({ where: { itemId: mine.itemId, userId: other.user.id } })).toBe(
      0,
    );
  });

  it("refuses to reopen an earlier answer while a reopened one is not resubmitted (it would be lost)", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await campaign(admin, 3);
    const me = await apiCaller("CLINICIAN");
    const a = (await claimAudit(me, id))!;
    expect((await submit(me, a.assignmentId, { verdict: "accept", flags: [] })).status).toBe(201);
    const b = (await claimAudit(me, id))!;
    expect((await submit(me, b.assignmentId, { verdict: "reject", flags: [] })).status).toBe(201);
    expect((await reopen(me, b.assignmentId)).status).toBe(200);
    // After a reload the progress offers no Undo of the answer before it: the same rule as the
    // reopen's (undo-rule.ts), which refuses it because it would end the reopened lease.
    const undoOffered = async () =>
      (
        (await (
          await me.call(campaignProgressRoute, `/api/v1/audits/${id}/progress`, { params: { id } })
        ).json()) as { undoAssignmentId: string | null }
      ).undoAssignmentId;
    expect(await undoOffered()).toBeNull();
    const refused = await reopen(me, a.assignmentId);
    expect(refused.status).toBe(409);
    expect(await reasonOf(refused)).toBe("reopened_pending");
    const bLease = await db().queueAssignment.findUniqueOrThrow({ where: { id: b.assignmentId } });
    expect(bLease.status).toBe("LEASED");
    // The reopened one is resubmitted, and then the earlier one may be reopened.
    expect((await submit(me, b.assignmentId, { verdict: "accept", flags: [] })).status).toBe(201);
    expect(await undoOffered()).toBe(b.assignmentId);
    expect((await reopen(me, a.assignmentId)).status).toBe(200);
  });
  it("the progress's Undo check takes no row locks: it answers while a close holds the campaign row", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await campaign(admin, 3);
    const me = await apiCaller("CLINICIAN");
    const a = (await claimAudit(me, id))!;
    expect((await submit(me, a.assignmentId, { verdict: "accept", flags: [] })).status).toBe(201);
    // A live lease: the reopenedPending rule reads it (the reopen's load locks its campaign row).
    expect(await claimAudit(me, id)).not.toBeNull();
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    let locked = () => {};
    const isLocked = new Promise<void>((r) => (locked = r));
    const holder = db().$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "AuditCampaign" WHERE id = ${id}::uuid FOR UPDATE`;
        locked();
        await held;
      },
      { timeout: 20_000 },
    );
    await isLocked;
    try {
      const progress = me
        .call(campaignProgressRoute, `/api/v1/audits/${id}/progress`, { params: { id } })
        .then(async (r) => ((await r.json()) as { undoAssignmentId: string | null }).undoAssignmentId);
      const waited = new Promise<"blocked">((r) => setTimeout(() => r("blocked"), 3_000));
      expect(await Promise.race([progress, waited])).toBe(a.assignmentId);
    } finally {
      release();
      await holder;
    }
  });
});

describe("undo of a rating", () => {
  it("offers no Undo of the rating before a reopened one (the lock-free reopened read)", async () => {
    const sid = await study(3);
    const me = await apiCaller("CLINICIAN");
    const undoOffered = async () =>
      (
        (await (
          await me.call(studyProgressRoute, `/api/v1/studies/${sid}/progress`, { params: { id: sid } })
        ).json()) as { undoAssignmentId: string | null }
      ).undoAssignmentId;
    const a = (await claimStudy(me, sid))!;
    expect((await submit(me, a.assignmentId, { choices: { accuracy: "A" } })).status).toBe(200);
    const b = (await claimStudy(me, sid))!;
    expect((await submit(me, b.assignmentId, { choices: { accuracy: "B" } })).status).toBe(200);
    expect((await reopen(me, b.assignmentId)).status).toBe(200);
    expect(await undoOffered()).toBeNull();
    expect((await submit(me, b.assignmentId, { choices: { accuracy: "tie" } })).status).toBe(200);
    expect(await undoOffered()).toBe(b.assignmentId);
  });

  it("reopens within 10 minutes, resubmits as revision 2; the study statistics count the revision only", async () => {
    const id = await study(2);
    const me = await apiCaller("CLINICIAN");
    const a = (await claimStudy(me, id))!;
    expect((await submit(me, a.assignmentId, { choices: { accuracy: "A" } })).status).toBe(200);
    expect((await reopen(me, a.assignmentId)).status).toBe(200);
    expect(await loadJudgements(id)).toHaveLength(0);
    const resumed = (await claimStudy(me, id))!;
    expect(resumed.assignmentId).toBe(a.assignmentId);
    expect(resumed.draft).toMatchObject({ choices: { accuracy: "A" } });
    expect((await submit(me, a.assignmentId, { choices: { accuracy: "B" } })).status).toBe(200);
    const rows = await db().studyJudgement.findMany({
      where: { assignmentId: a.assignmentId },
      orderBy: { revision: "asc" },
    });
    expect(rows.map((r) => r.revision)).toEqual([1, 2]);
    expect(rows[0]?.supersededById).toBe(rows[1]?.id);
    const counted = await loadJudgements(id);
    expect(counted).toHaveLength(1);
    expect(counted[0]?.choice).toBe(rows[1]?.choice);
    expect(await db().auditLog.count({ where: { action: "study.reopen" } })).toBe(1);
  });

  it("refuses after 10 minutes and when the study is not open", async () => {
    const id = await study(3);
    const me = await apiCaller("CLINICIAN");
    const a = (await claimStudy(me, id))!;
    await submit(me, a.assignmentId, { choices: { accuracy: "A" } });
    await db().studyJudgement.updateMany({
      where: { assignmentId: a.assignmentId },
      data: { createdAt: new Date(Date.now() - 11 * 60_000) },
    });
    const held = (await claimStudy(me, id))!;
    const unsubmitted = await reopen(me, held.assignmentId);
    expect(unsubmitted.status).toBe(409);
    expect(await reasonOf(unsubmitted)).toBe("not_submitted");
    await me.call(assignmentSkipRoute, `/api/v1/assignments/${held.assignmentId}/skip`, {
      method: "POST",
      params: { id: held.assignmentId },
    });
    const late = await reopen(me, a.assignmentId);
    expect(late.status).toBe(409);
    expect(await reasonOf(late)).toBe("too_late");

    const b = (await claimStudy(me, id))!;
    await submit(me, b.assignmentId, { choices: { accuracy: "tie" } });
    const admin = asCurrent(await makeUser("ADMIN"));
    await setStudyStatus(admin, id, "pause", ctx());
    const paused = await reopen(me, b.assignmentId);
    expect(paused.status).toBe(409);
    expect(await reasonOf(paused)).toBe("queue_not_open");
  });
});

describe("progress and My answers", () => {
  it("shows the rater-facing title, n of N and no estimate before 3 submissions", async () => {
    const sid = await study(2);
    const me = await apiCaller("CLINICIAN");
    const a = (await claimStudy(me, sid))!;
    await submit(me, a.assignmentId, { choices: { accuracy: "A" } });
    const r = await me.call(studyProgressRoute, `/api/v1/studies/${sid}/progress`, { params: { id: sid } });
    expect(r.status).toBe(200);
    const p = (await r.json()) as {
      title: string;
      mine: { done: number; total: number };
      queue: { done: number };
      estimateMs: null;
    };
    expect(p.title).toBe("Discharge advice");
    expect(p.mine.done).toBe(1);
    expect(p.mine.total).toBeGreaterThanOrEqual(2);
    expect(p.queue.done).toBe(1);
    expect(p.estimateMs).toBeNull();

    const admin = await apiCaller("ADMIN");
    const cid = await campaign(admin, 4);
    for (let i = 0; i < 3; i += 1) {
      const c = (await claimAudit(me, cid))!;
      await submit(me, c.assignmentId, { verdict: "accept", flags: [] });
    }
    const cp = (await (
      await me.call(campaignProgressRoute, `/api/v1/audits/${cid}/progress`, { params: { id: cid } })
    ).json()) as { title: string; mine: { done: number; total: number }; estimateMs: number | null };
    expect(cp.title).toBe("Ward round audit");
    expect(cp.mine).toEqual({ done: 3, total: 4 });
    expect(cp.estimateMs).not.toBeNull();
  });

  it("offers Undo of the last answer from the server while the rules allow, so a reload keeps it", async () => {
    const admin = await apiCaller("ADMIN");
    const cid = await campaign(admin, 3);
    const me = await apiCaller("CLINICIAN");
    const auditUndo = async () =>
      (
        (await (
          await me.call(campaignProgressRoute, `/api/v1/audits/${cid}/progress`, { params: { id: cid } })
        ).json()) as { undoAssignmentId: string | null }
      ).undoAssignmentId;
    expect(await auditUndo()).toBeNull();
    const a = (await claimAudit(me, cid))!;
    await submit(me, a.assignmentId, { verdict: "accept", flags: [] });
    expect(await auditUndo()).toBe(a.assignmentId);
    const b = (await claimAudit(me, cid))!;
    expect(await auditUndo()).toBe(a.assignmentId);
    await submit(me, b.assignmentId, { verdict: "reject", flags: [] });
    expect(await auditUndo()).toBe(b.assignmentId);
    // Adjudicated: no Undo of it (the rule), nor of an earlier answer in its place.
    const item = await db().auditItem.findFirstOrThrow({
      where: { queueItem: { assignments: { some: { id: b.assignmentId } } } },
    });
    await adjudicateItem(admin.current, cid, item.id, { verdict: "accept", flags: [] }, ctx());
    expect(await auditUndo()).toBeNull();
    // Someone else's answers are never offered.
    const other = await apiCaller("CLINICIAN");
    const o = (await claimAudit(other, cid))!;
    await submit(other, o.assignmentId, { verdict: "accept", flags: [] });
    expect(await auditUndo()).toBeNull();

    const sid = await study(3);
    const studyUndo = async () =>
      (
        (await (
          await me.call(studyProgressRoute, `/api/v1/studies/${sid}/progress`, { params: { id: sid } })
        ).json()) as { undoAssignmentId: string | null }
      ).undoAssignmentId;
    const s = (await claimStudy(me, sid))!;
    await submit(me, s.assignmentId, { choices: { accuracy: "A" } });
    expect(await studyUndo()).toBe(s.assignmentId);
    // Reopened: it is the item on screen, not an answer to undo.
    expect((await reopen(me, s.assignmentId)).status).toBe(200);
    expect(await studyUndo()).toBeNull();
    await submit(me, s.assignmentId, { choices: { accuracy: "B" } });
    expect(await studyUndo()).toBe(s.assignmentId);
    // Ten minutes after the (re)submit, it is gone.
    await db().studyJudgement.updateMany({
      where: { assignmentId: s.assignmentId },
      data: { createdAt: new Date(Date.now() - 11 * 60_000) },
    });
    expect(await studyUndo()).toBeNull();
  });

  it("lists my answers with filters and reopen states; ratings name no model", async () => {
    const sid = await study(2);
    const admin = await apiCaller("ADMIN");
    const cid = await campaign(admin, 2);
    const me = await apiCaller("CLINICIAN");
    const s = (await claimStudy(me, sid))!;
    await submit(me, s.assignmentId, { choices: { accuracy: "A" }, rationale: "clearer" });
    const c = (await claimAudit(me, cid))!;
    await submit(me, c.assignmentId, { verdict: "revise", flags: [], correctedOutput: "Better." });
    await admin.call(closeCampaignRoute, `/api/v1/audits/${cid}/close`, {
      method: "POST",
      params: { id: cid },
    });

    const list = async (q = "") => {
      const r = await me.call(myAnswersRoute, `/api/v1/me/answers${q}`);
      expect(r.status).toBe(200);
      return {
        text: await r.clone().text(),
        body: (await r.json()) as {
          answers: { kind: string; title: string; reopen: { allowed: boolean; reason?: string } }[];
        },
      };
    };
    const all = await list();
    expect(all.body.answers.map((a) => a.kind).sort()).toEqual(["audit", "study"]);
    // Blinding: no model name, no comparison, no side in model terms, anywhere in the answer.
    for (const leak of ["m-one", "m-two", "Internal", "model", "comparison", "shownLeft"])
      expect(all.text).not.toContain(leak);
    const rating = all.body.answers.find((a) => a.kind === "study")!;
    expect(rating.title).toBe("Discharge advice");
    expect(rating.reopen.allowed).toBe(true);
    expect(all.body.answers.find((a) => a.kind === "audit")!.reopen).toMatchObject({
      allowed: false,
      reason: "queue_not_open",
    });

    expect((await list("?answer=revise")).body.answers.map((a) => a.kind)).toEqual(["audit"]);
    expect((await list("?answer=A")).body.answers.map((a) => a.kind)).toEqual(["study"]);
    expect((await list(`?kind=study&queueId=${sid}`)).body.answers).toHaveLength(1);
    expect((await list("?from=2000-01-01&to=2000-01-02")).body.answers).toHaveLength(0);
    const bad = await me.call(myAnswersRoute, "/api/v1/me/answers?from=yesterday");
    expect(bad.status).toBe(400);
  });
});

describe("permissions per role", () => {
  it("progress and My answers: clinicians only; reopen: only one's own assignment", async () => {
    const admin = await apiCaller("ADMIN");
    const cid = await campaign(admin, 1);
    const sid = await study(1);
    const me = await apiCaller("CLINICIAN");
    const a = (await claimAudit(me, cid))!;
    await submit(me, a.assignmentId, { verdict: "accept", flags: [] });
    for (const role of ["ADMIN", "RESEARCHER"] as const) {
      const who = role === "ADMIN" ? admin : await apiCaller(role);
      expect((await who.call(myAnswersRoute, "/api/v1/me/answers")).status).toBe(403);
      expect(
        (await who.call(campaignProgressRoute, `/api/v1/audits/${cid}/progress`, { params: { id: cid } }))
          .status,
      ).toBe(403);
      expect(
        (await who.call(studyProgressRoute, `/api/v1/studies/${sid}/progress`, { params: { id: sid } }))
          .status,
      ).toBe(403);
      expect((await reopen(who, a.assignmentId)).status).toBe(404);
    }
    expect((await me.call(myAnswersRoute, "/api/v1/me/answers")).status).toBe(200);
    expect(
      (await me.call(campaignProgressRoute, `/api/v1/audits/${cid}/progress`, { params: { id: cid } }))
        .status,
    ).toBe(200);
    expect((await reopen(me, a.assignmentId)).status).toBe(200);
  });
});

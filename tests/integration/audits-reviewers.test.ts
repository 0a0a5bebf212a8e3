// Issue 15 item 9: named reviewers of audit campaigns. A campaign naming reviewers is claimable,
// listed and counted for them only (the claim rule in SQL, not only the UI); a non-named reviewer
// is answered 403 (lib/audits/campaign-reviewers.ts says why); changing the list is audited in its
// transaction, and anyone it leaves out loses their live lease.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { listCampaignsRoute } from "@/lib/audits/campaign-routes";
import { nextItemRoute } from "@/lib/audits/review-routes";
import { getCampaignReviewersRoute, setCampaignReviewersRoute } from "@/lib/audits/reviewers-routes";
import { auditQueue } from "@/lib/audits/review-queue";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { loadHomeSummary } from "@/lib/users/home-summary";
import { apiCaller } from "../support/api-caller";
import { resetDatabase } from "../support/db";
import { openCampaign } from "../support/queue-fixtures";
import { makeUser } from "../support/factories";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TCaller = Awaited<ReturnType<typeof apiCaller>>;

async function setup() {
  const admin = await apiCaller("ADMIN");
  const named = await apiCaller("CLINICIAN");
  const other = await apiCaller("CLINICIAN");
  const id = await openCampaign(admin, 6, { name: "Restricted" });
  return { admin, named, other, id };
}

const claim = (who: TCaller, id: string) =>
  who.call(nextItemRoute, `/api/v1/audits/${id}/assignments/next`, { method: "POST", params: { id } });
const setReviewers = (who: TCaller, id: string, reviewerIds: string[]) =>
  who.call(setCampaignReviewersRoute, `/api/v1/audits/${id}/reviewers`, {
    method: "PUT",
    params: { id },
    body: { reviewerIds },
  });
const listed = async (who: TCaller) =>
  (
    (await (await who.call(listCampaignsRoute, "/api/v1/audits")).json()) as { campaigns: { id: string }[] }
  ).campaigns.map((c) => c.id);

describe("named reviewers of an audit campaign", () => {
  it("lets only the named reviewers claim, list and count it; [] opens it again", async () => {
    const { admin, named, other, id } = await setup();
    const set = await setReviewers(admin, id, [named.user.id]);
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ reviewerIds: [named.user.id], releasedAssignments: 0 });

    expect((await claim(named, id)).status).toBe(200);
    const refused = await claim(other, id);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(((await refused.json()) as { detail: string }).detail).toMatch(/named reviewers only/);
    expect(await db().queueAssignment.count({ where: { userId: other.user.id } })).toBe(0);

    expect(await listed(named)).toEqual([id]);
    expect(await listed(other)).toEqual([]);
    // Admins and researchers (results) still see every campaign.
    expect(await listed(admin)).toEqual([id]);
    expect((await loadHomeSummary(other.current)).auditWork).toEqual([]);
    expect((await loadHomeSummary(named.current)).auditWork?.map((w) => w.id)).toEqual([id]);

    expect((await setReviewers(admin, id, [])).status).toBe(200);
    expect((await claim(other, id)).status).toBe(200);
    expect(await listed(other)).toEqual([id]);
  });

  it("enforces the rule in SQL: queue_claim hands a non-named reviewer nothing, whatever the caller", async () => {
    const { admin, named, other, id } = await setup();
    await setReviewers(admin, id, [named.user.id]);
    const viaSql = await db().$queryRaw<{ claimed_id: string }[]>`
      SELECT claimed_id FROM queue_claim(${id}::uuid, ${other.user.id}::uuid, 30)`;
    expect(viaSql).toEqual([]);
    const open = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "QueueItem" qi WHERE queue_item_open_for(qi, ${other.user.id}::uuid)`;
    expect(open[0]?.n).toBe(0);
  });

  it("enforces the submit rule in SQL: queue_submit refuses a reviewer taken off the list, whatever the caller", async () => {
    const { admin, named, other, id } = await setup();
    const first = ((await (await claim(other, id)).json()) as { assignmentId: string }).assignmentId;
    const done = await other.call(assignmentSubmitRoute, `/api/v1/assignments/${first}/submit`, {
      method: "POST",
      params: { id: first },
      body: { verdict: "accept", flags: [], durationMs: 100 },
    });
    expect(done.status).toBe(201);
    expect((await auditQueue.progress(other.current, id)).undoAssignmentId).toBe(first);
    const claimed = await claim(other, id);
    const { assignmentId } = (await claimed.json()) as { assignmentId: string };
    await setReviewers(admin, id, [named.user.id]);
    // Nor is Undo offered: the progress follows the reopen's rules (lib/queue/undo-rule.ts).
    expect((await auditQueue.progress(other.current, id)).undoAssignmentId).toBeNull();
    // One rule for every queue feature (migration …_queue_submit_open_to), not each feature's read.
    const [row] = await db().$queryRaw<{ outcome: string }[]>`
      SELECT queue_submit(${assignmentId}::uuid, ${other.user.id}::uuid) AS outcome`;
    expect(row?.outcome).toBe("not_open_to");
    expect((await db().queueAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).status).toBe(
      "EXPIRED",
    );
  });

  it("releases the live lease of a reviewer taken off the list, in the audited transaction", async () => {
    const { admin, named, other, id } = await setup();
    const claimed = await claim(other, id);
    expect(claimed.status).toBe(200);
    const { assignmentId } = (await claimed.json()) as { assignmentId: string };
    const lease = await db().queueAssignment.findUniqueOrThrow({ where: { id: assignmentId } });
    const slotsBefore = (await db().queueItem.findUniqueOrThrow({ where: { id: lease.itemId } }))
      .claimedSlots;

    const set = await setReviewers(admin, id, [named.user.id]);
    expect(await set.json()).toEqual({ reviewerIds: [named.user.id], releasedAssignments: 1 });
    expect((await db().queueAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).status).toBe(
      "EXPIRED",
    );
    expect((await db().queueItem.findUniqueOrThrow({ where: { id: lease.itemId } })).claimedSlots).toBe(
      slotsBefore - 1,
    );
    const row = await db().auditLog.findFirstOrThrow({
      where: { action: "audit.set_reviewers", entityId: id },
    });
    expect(row).toMatchObject({
      actorId: admin.user.id,
      entityType: "audit_campaign",
      before: { reviewerIds: [] },
      after: { reviewerIds: [named.user.id], releasedAssignmentIds: [assignmentId] },
    });

    // The late submit of the released item is refused (and takes no slot back).
    const late = await other.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
      method: "POST",
      params: { id: assignmentId },
      body: { verdict: "accept", flags: [], durationMs: 100 },
    });
    expect(late.status).toBe(403);
    expect(((await late.json()) as { detail: string }).detail).toMatch(/no longer among/);
    expect((await db().queueItem.findUniqueOrThrow({ where: { id: lease.itemId } })).claimedSlots).toBe(
      slotsBefore - 1,
    );
    // The slot is back in the queue: the named reviewer can get the released item.
    const items: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await claim(named, id);
      if (r.status !== 200) break;
      const t = (await r.json()) as { assignmentId: string };
      items.push((await db().queueAssignment.findUniqueOrThrow({ where: { id: t.assignmentId } })).itemId);
      await named.call(assignmentSubmitRoute, `/api/v1/assignments/${t.assignmentId}/submit`, {
        method: "POST",
        params: { id: t.assignmentId },
        body: { verdict: "accept", flags: [], durationMs: 100 },
      });
    }
    expect(items).toContain(lease.itemId);
    expect(items).toHaveLength(6);
  });

  it("adds and removes reviewers: only active clinicians, not on a closed campaign", async () => {
    const { admin, named, other, id } = await setup();
    expect((await setReviewers(admin, id, [named.user.id, other.user.id])).status).toBe(200);
    const got = await admin.call(getCampaignReviewersRoute, `/api/v1/audits/${id}/reviewers`, {
      params: { id },
    });
    const body = (await got.json()) as { reviewerIds: string[]; candidates: { id: string }[] };
    expect(body.reviewerIds).toEqual([named.user.id, other.user.id].sort());
    expect(body.candidates.map((c) => c.id).sort()).toEqual([named.user.id, other.user.id].sort());
    expect((await setReviewers(admin, id, [named.user.id])).status).toBe(200);
    expect((await claim(other, id)).status).toBe(403);

    const researcher = await makeUser("RESEARCHER");
    const disabled = await makeUser("CLINICIAN", { status: "DISABLED" });
    for (const bad of [researcher.id, disabled.id, "00000000-0000-4000-8000-000000000001"]) {
      const r = await setReviewers(admin, id, [bad]);
      expect(r.status).toBe(422);
    }
    expect(await db().auditLog.count({ where: { action: "audit.set_reviewers" } })).toBe(2);
    await db().auditCampaign.update({ where: { id }, data: { status: "CLOSED" } });
    expect((await setReviewers(admin, id, [])).status).toBe(409);
  });

  it("answers each role as the permission table says", async () => {
    const { admin, named, id } = await setup();
    const researcher = await apiCaller("RESEARCHER");
    const roles: [TCaller, number][] = [
      [admin, 200],
      [named, 403],
      [researcher, 403],
    ];
    for (const [who, status] of roles) {
      expect((await setReviewers(who, id, [])).status, who.user.role).toBe(status);
      const got = await who.call(getCampaignReviewersRoute, `/api/v1/audits/${id}/reviewers`, {
        params: { id },
      });
      expect(got.status, who.user.role).toBe(status);
    }
  });
});

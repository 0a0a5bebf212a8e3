// The home page shows each caller their own work, by role (lib/users/home-summary.ts).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { loadHomeSummary } from "@/lib/users/home-summary";
import { claimNextItem, releaseAssignment, submitAssignment } from "@/lib/queue";
import { asCurrent, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

async function queueItems(
  queueId: string,
  items: { capacity: number; claimedSlots?: number; completedSlots?: number; onlyForUserId?: string }[],
) {
  const rows = [];
  for (const [position, item] of items.entries())
    rows.push(await db().queueItem.create({ data: { queueId, position, ...item } }));
  return rows;
}

async function assign(itemId: string, queueId: string, userId: string, status: "LEASED" | "SUBMITTED") {
  await db().queueAssignment.create({
    data: { itemId, queueId, userId, status, leaseExpiresAt: new Date(Date.now() + 3_600_000) },
  });
}

async function world() {
  const [admin, c1, c2, researcher, other1, other2] = [
    await makeUser("ADMIN"),
    await makeUser("CLINICIAN"),
    await makeUser("CLINICIAN"),
    await makeUser("RESEARCHER"),
    await makeUser("CLINICIAN"),
    await makeUser("CLINICIAN"),
  ];
  const seed = (authorId: string, status: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED") =>
    db().seed.create({ data: { authorId, status, instruction: `Explain ${status.toLowerCase()} care.` } });
  await seed(c1.id, "DRAFT");
  await seed(c1.id, "DRAFT");
  await seed(c1.id, "CHANGES_REQUESTED");
  await seed(c1.id, "SUBMITTED");
  await seed(c2.id, "SUBMITTED");
  await seed(c2.id, "SUBMITTED");
  await seed(c2.id, "DRAFT");

  const dataset = await db().dataset.create({
    data: { name: "batch-1", status: "READY", count: 3, createdById: admin.id },
  });
  await db().dataset.create({ data: { name: "batch-2", status: "READY", count: 3, createdById: admin.id } });
  await db().dataset.create({ data: { name: "batch-3", status: "STAGING", createdById: admin.id } });
  const campaign = await db().auditCampaign.create({
    data: {
      name: "MedInstruct audit",
      datasetId: dataset.id,
      sampleSize: 3,
      seed: "s",
      flags: [],
      createdById: admin.id,
    },
  });
  await db().auditCampaign.create({
    data: {
      name: "Old audit",
      datasetId: dataset.id,
      sampleSize: 1,
      seed: "s",
      flags: [],
      createdById: admin.id,
      status: "CLOSED",
    },
  });
  const [i1, i2] = await queueItems(campaign.id, [
    { capacity: 2, claimedSlots: 1, completedSlots: 1 },
    { capacity: 2, claimedSlots: 2 },
    { capacity: 2 },
  ]);
  if (!i1 || !i2) throw new Error("no items");
  await assign(i1.id, campaign.id, c1.id, "SUBMITTED");
  await assign(i2.id, campaign.id, other1.id, "LEASED");
  await assign(i2.id, campaign.id, other2.id, "LEASED");

  const studyData = { criteria: [], design: "all_pairs" as const, seed: "s", createdById: admin.id };
  const study = await db().study.create({
    data: {
      ...studyData,
      name: "Pilot",
      title: "Spring questions",
      status: "ACTIVE",
      raters: { create: [{ userId: c1.id }] },
    },
  });
  await db().study.create({ data: { ...studyData, name: "Next study", title: "Study 2", status: "DRAFT" } });
  const [s1] = await queueItems(study.id, [
    { capacity: 1, claimedSlots: 1 },
    { capacity: 1 },
    { capacity: 1, onlyForUserId: c2.id },
  ]);
  if (!s1) throw new Error("no items");
  await assign(s1.id, study.id, c1.id, "LEASED");

  await db().accountLink.create({
    data: {
      kind: "INVITE",
      email: "new@int.test",
      role: "CLINICIAN",
      tokenHash: "h1",
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  await db().accountLink.create({
    data: {
      kind: "INVITE",
      email: "late@int.test",
      role: "CLINICIAN",
      tokenHash: "h2",
      expiresAt: new Date(Date.now() - 1),
    },
  });
  await db().user.update({ where: { id: other2.id }, data: { status: "DISABLED" } });
  return { admin, c1, c2, researcher, campaign, study };
}

describe("home page summary", () => {
  it("shows a clinician their seeds, the campaigns and studies they can work in with what is left for them, and nothing else", async () => {
    const w = await world();
    const s = await loadHomeSummary(asCurrent(w.c1));
    expect(s.sections).toEqual(["seedWork", "auditWork", "ratingWork"]);
    expect(s.seedWork).toEqual({ drafts: 2, changesRequested: 1, submitted: 1, awaitingReview: 2 });
    // Item 1 they did, item 2 is full, item 3 is open.
    expect(s.auditWork).toEqual([
      { id: w.campaign.id, name: "MedInstruct audit", paused: false, remaining: 1, done: 1 },
    ]);
    // Their own lease plus the open item; the repeat meant for c2 is not theirs.
    // Raters see the title, never the internal name.
    expect(s.ratingWork).toEqual([
      { id: w.study.id, name: "Spring questions", paused: false, remaining: 2, done: 0 },
    ]);
    expect(s.adminOverview).toBeUndefined();
    expect(s.results).toBeUndefined();
  });

  it("counts what is left by the claim rule itself: exactly the items a claim then hands out (a skip is not offered again)", async () => {
    const w = await world();
    // c1 skips the open item: it is not theirs to claim any more, so no longer "left" for them.
    const claim = () => claimNextItem({ queueId: w.campaign.id, userId: w.c1.id, leaseMinutes: 30 });
    const first = await claim();
    if (!first) throw new Error("nothing to claim");
    expect(await releaseAssignment(w.c1.id, first.assignmentId)).toBe(true);
    expect((await loadHomeSummary(asCurrent(w.c1))).auditWork?.[0]).toMatchObject({ remaining: 0 });
    expect(await claim()).toBeNull();
    // For c2 both the first and the open item are left, and two claims (submitted) hand them out.
    expect((await loadHomeSummary(asCurrent(w.c2))).auditWork?.[0]).toMatchObject({ remaining: 2 });
    let claimed = 0;
    for (
      let c = await claimNextItem({ queueId: w.campaign.id, userId: w.c2.id, leaseMinutes: 30 });
      c;
      c = await claimNextItem({ queueId: w.campaign.id, userId: w.c2.id, leaseMinutes: 30 })
    ) {
      claimed++;
      await db().$transaction((tx) =>
        submitAssignment(tx, { assignmentId: c.assignmentId, userId: w.c2.id }),
      );
    }
    expect(claimed).toBe(2);
    expect((await loadHomeSummary(asCurrent(w.c2))).auditWork?.[0]).toMatchObject({ remaining: 0, done: 2 });
  });

  it("counts per clinician: another clinician sees other work left and no study that does not name them", async () => {
    const w = await world();
    const s = await loadHomeSummary(asCurrent(w.c2));
    expect(s.seedWork).toEqual({ drafts: 1, changesRequested: 0, submitted: 2, awaitingReview: 1 });
    expect(s.auditWork?.[0]).toMatchObject({ remaining: 2, done: 0 });
    expect(s.ratingWork).toEqual([]);
  });

  it("shows an admin pending imports, campaigns, studies and users, but no clinician work", async () => {
    const w = await world();
    const s = await loadHomeSummary(asCurrent(w.admin));
    expect(s.sections).toEqual(["adminOverview"]);
    expect(s.seedWork).toBeUndefined();
    expect(s.auditWork).toBeUndefined();
    const o = s.adminOverview;
    expect(o?.imports).toEqual({ inProgress: 1, awaitingCampaign: 1 });
    expect(o?.campaigns).toMatchObject({
      active: 1,
      paused: 0,
      recent: [{ id: w.campaign.id, status: "ACTIVE", completed: 1, slots: 6 }],
    });
    expect(o?.studies).toMatchObject({ draft: 1, active: 1, paused: 0 });
    expect(o?.studies.recent.map((r) => r.name)).toEqual(["Next study", "Pilot"]);
    expect(o?.users).toEqual({ active: 5, disabled: 1, pendingInvites: 1 });
  });

  it("shows a researcher links to audit reports and to the results of started studies only", async () => {
    const w = await world();
    const s = await loadHomeSummary(asCurrent(w.researcher));
    expect(s.sections).toEqual(["results"]);
    expect(s.results?.audits.map((a) => a.name).sort()).toEqual(["MedInstruct audit", "Old audit"]);
    expect(s.results?.studies).toEqual([{ id: w.study.id, name: "Pilot", status: "ACTIVE" }]);
    expect(s.seedWork ?? s.auditWork ?? s.ratingWork ?? s.adminOverview).toBeUndefined();
  });
});

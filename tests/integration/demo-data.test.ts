// Demo mode's data (lib/demo): written through the real services on an empty database, once,
// all or nothing per area, and never on a database that has a real account.
import { spawnSync } from "node:child_process";
import { afterAll, beforeEach, describe, expect, it, inject } from "vitest";
import { db } from "@/lib/db/prisma";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { demoAreaContext, runDemoArea } from "@/lib/demo/demo-area";
import { DEMO_DATASET_NAME } from "@/lib/demo/demo-audit";
import { createDemoAccounts, loadDemoPeople } from "@/lib/demo/demo-people";
import { demoSeedsArea } from "@/lib/demo/demo-seeds";
import { DEMO_STUDY_NAME, demoStudyArea } from "@/lib/demo/demo-study";
import { seedDemo } from "@/lib/demo/seed-demo";
import { loadHomeSummary } from "@/lib/users/home-summary";
import { makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

/** Row counts of every table the demo writes. */
async function counts() {
  const d = db();
  const all = {
    users: d.user.count(),
    terms: d.vocabularyTerm.count(),
    seeds: d.seed.count(),
    seedVersions: d.seedVersion.count(),
    seedReviews: d.seedReview.count(),
    datasets: d.dataset.count(),
    records: d.datasetRecord.count(),
    campaigns: d.auditCampaign.count(),
    auditItems: d.auditItem.count(),
    auditReviews: d.auditReview.count(),
    queueItems: d.queueItem.count(),
    assignments: d.queueAssignment.count(),
    studies: d.study.count(),
    prompts: d.studyPrompt.count(),
    outputs: d.studyOutput.count(),
    comparisons: d.studyComparison.count(),
    judgements: d.studyJudgement.count(),
    auditLog: d.auditLog.count(),
  };
  return Object.fromEntries(
    await Promise.all(Object.entries(all).map(async ([k, v]) => [k, await v] as const)),
  );
}

const actions = async () =>
  Object.fromEntries(
    (await db().auditLog.groupBy({ by: ["action"], _count: { _all: true } })).map((r) => [
      r.action,
      r._count._all,
    ]),
  );

describe("demo data", () => {
  it("creates accounts, seeds in every state, an audit campaign and a started study, all audited", async () => {
    expect(await seedDemo()).toEqual({ created: DEMO_ACCOUNTS.length, areas: ["seeds", "audit", "study"] });
    const people = await loadDemoPeople();
    expect(await db().user.count({ where: { isDemo: true } })).toBe(DEMO_ACCOUNTS.length);

    // Seeds: the clinician's drafts, one returned for changes, one in review, one approved; the
    // colleague's two awaiting the clinician's review and one approved.
    const seeds = await db().seed.findMany({
      include: { topic: true, view: true, type: true, reviews: true },
    });
    const states = (authorId: string) =>
      seeds
        .filter((s) => s.authorId === authorId)
        .map((s) => s.status)
        .sort();
    expect(states(people.clinician.id)).toEqual([
      "APPROVED",
      "CHANGES_REQUESTED",
      "DRAFT",
      "DRAFT",
      "SUBMITTED",
    ]);
    expect(states(people.colleague.id)).toEqual(["APPROVED", "SUBMITTED", "SUBMITTED"]);
    for (const s of seeds.filter((x) => x.status !== "DRAFT")) {
      expect([s.topic?.kind, s.view?.kind, s.type?.kind]).toEqual(["TOPIC", "VIEW", "TYPE"]);
      expect(s.difficulty).toBeGreaterThanOrEqual(1);
      expect(s.difficulty).toBeLessThanOrEqual(5);
      for (const r of s.reviews) expect(r.reviewerId).not.toBe(s.authorId);
    }
    expect(
      seeds
        .filter((s) => s.status === "APPROVED")
        .every((s) => s.approvedById && s.approvedById !== s.authorId),
    ).toBe(true);
    expect(
      await db().vocabularyTerm.groupBy({ by: ["kind"], _count: { _all: true }, orderBy: { kind: "asc" } }),
    ).toEqual([
      { kind: "TOPIC", _count: { _all: 6 } },
      { kind: "VIEW", _count: { _all: 3 } },
      { kind: "TYPE", _count: { _all: 8 } },
    ]);

    // The generated dataset and its campaign: sample 10, two reviewers each, three reviews in.
    const dataset = await db().dataset.findFirstOrThrow({ where: { name: DEMO_DATASET_NAME } });
    expect(dataset).toMatchObject({ status: "READY", count: 30, duplicates: 0, fields: ["topic"] });
    const campaign = await db().auditCampaign.findFirstOrThrow({ where: { datasetId: dataset.id } });
    expect(campaign).toMatchObject({
      status: "ACTIVE",
      sampleSize: 10,
      reviewersPerItem: 2,
      strataField: "topic",
    });
    expect(await db().auditItem.count({ where: { campaignId: campaign.id } })).toBe(10);
    expect(await db().auditReview.count({ where: { reviewerId: people.colleague.id } })).toBe(3);

    // The study: blinded, all pairs of the two models on ten prompts, started, four judgements in.
    const study = await db().study.findFirstOrThrow({
      where: { name: DEMO_STUDY_NAME },
      include: { comparisons: true },
    });
    expect(study).toMatchObject({ status: "ACTIVE", design: "all_pairs", ratingsPerComparison: 2 });
    expect((study.criteria as { key: string }[]).map((c) => c.key)).toEqual(["correctness", "helpfulness"]);
    expect(await db().studyPrompt.count({ where: { studyId: study.id } })).toBe(10);
    expect(
      (
        await db().studyOutput.groupBy({ by: ["model"], _count: { _all: true }, orderBy: { model: "asc" } })
      ).map((r) => [r.model, r._count._all]),
    ).toEqual([
      ["model-alpha", 10],
      ["model-beta", 10],
    ]);
    expect(study.comparisons).toHaveLength(10);
    expect(await db().queueAssignment.count({ where: { queueId: study.id, status: "SUBMITTED" } })).toBe(4);
    expect(await db().studyJudgement.count()).toBe(8);
    expect(await db().queueAssignment.count({ where: { status: "LEASED" } })).toBe(0);

    expect(await actions()).toMatchObject({
      "user.create_demo": 4,
      "vocabulary.add_term": 17,
      "seed.create": 8,
      "seed.save": 1,
      "seed.submit": 6,
      "seed.approve": 2,
      "seed.request_changes": 1,
      "dataset.import": 1,
      "audit.create": 1,
      "audit.review": 3,
      "study.create": 1,
      "study.import_outputs": 1,
      "study.start": 1,
      "study.judgement": 4,
      "demo.data_created": 3,
    });

    // What the demo clinician sees on the home page.
    const home = await loadHomeSummary(people.clinician);
    expect(home.seedWork).toEqual({ drafts: 2, changesRequested: 1, submitted: 1, awaitingReview: 2 });
    expect(home.auditWork).toEqual([expect.objectContaining({ id: campaign.id, remaining: 10, done: 0 })]);
    expect(home.ratingWork).toEqual([expect.objectContaining({ id: study.id, remaining: 10, done: 0 })]);
  });

  it("changes nothing when run again", async () => {
    await seedDemo();
    const before = await counts();
    expect(await seedDemo()).toEqual({ created: 0, areas: [] });
    expect(await counts()).toEqual(before);
  });

  it("does nothing on a database that has an account besides the demo ones", async () => {
    await makeUser("ADMIN");
    expect(await seedDemo()).toEqual({ created: 0, areas: [] });
    expect(await counts()).toMatchObject({
      users: 1,
      terms: 0,
      seeds: 0,
      datasets: 0,
      studies: 0,
      auditLog: 0,
    });

    // Nor on a demo database (accounts only, as before demo data existed) someone added a real account to.
    await resetDatabase();
    await createDemoAccounts();
    await makeUser("CLINICIAN");
    const before = await counts();
    expect(await seedDemo()).toEqual({ created: 0, areas: [] });
    expect(await counts()).toEqual(before);
  });

  it("undoes an area that fails, removes what an interrupted run left, and then writes each area whole", async () => {
    await createDemoAccounts();
    const people = await loadDemoPeople();
    const failing = {
      key: "study",
      run: async (...a: Parameters<typeof demoStudyArea.run>) => {
        await demoStudyArea.run(...a);
        throw new Error("power cut");
      },
    };
    await expect(runDemoArea(failing, people)).rejects.toThrow("power cut");
    expect(await counts()).toMatchObject({
      studies: 0,
      prompts: 0,
      comparisons: 0,
      judgements: 0,
      queueItems: 0,
      assignments: 0,
    });
    expect(await actions()).toMatchObject({ "study.start": 1, "study.judgement": 4, "demo.data_undone": 1 });

    // A run killed half-way never undid itself: the seeds it wrote, without the area's completion record.
    await demoSeedsArea.run(people, demoAreaContext("seeds"));
    expect(await db().seed.count()).toBe(8);

    expect(await seedDemo()).toEqual({ created: 0, areas: ["seeds", "audit", "study"] });
    expect(await counts()).toMatchObject({
      terms: 17,
      seeds: 8,
      seedVersions: 9,
      datasets: 1,
      campaigns: 1,
      auditReviews: 3,
      studies: 1,
      comparisons: 10,
      judgements: 8,
      queueItems: 20,
    });
  });
  it("seeds as npm start runs it: its own process, under the react-server condition", async () => {
    // The condition makes React's server build load: a module the seeding imports that pulls in the
    // HTTP layer (next/navigation) fails there though it passes under vitest.
    const r = spawnSync(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/seed-demo.ts"],
      {
        env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
        encoding: "utf8",
        timeout: 120_000,
      },
    );
    expect(r.stderr).not.toContain("Demo seeding failed");
    expect(r.status).toBe(0);
    expect(await db().study.count()).toBe(1);
  }, 150_000);
});

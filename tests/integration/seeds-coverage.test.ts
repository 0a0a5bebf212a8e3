import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { seedCoverage } from "@/lib/seeds/seed-coverage";
import { addTerm } from "@/lib/vocabulary/add-term";
import { retireTerm } from "@/lib/vocabulary/retire-term";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TStatus = "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED" | "RETIRED";

describe("seed coverage", () => {
  it("counts submitted and approved seeds once each, retired terms under their canonical or retired label, and finds thin cells", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const me = asCurrent(await makeUser("CLINICIAN"));
    const other = asCurrent(await makeUser("CLINICIAN"));
    const researcher = asCurrent(await makeUser("RESEARCHER"));
    const term = (kind: "TOPIC" | "VIEW" | "TYPE", label: string) => addTerm(admin, { kind, label }, ctx());
    const cardiology = await term("TOPIC", "Cardiology");
    const neurology = await term("TOPIC", "Neurology");
    const heart = await term("TOPIC", "Heart"); // retired below, replaced by Cardiology
    const oncology = await term("TOPIC", "Oncology"); // retired below, no replacement
    const openQa = await term("TYPE", "Open Q&A");
    const mcq = await term("TYPE", "Multiple choice");
    const summary = await term("TYPE", "Summarization");
    const patient = await term("VIEW", "Patient");
    const clinician = await term("VIEW", "Clinician");
    const student = await term("VIEW", "Student"); // retired below, no replacement

    const seed = (
      authorId: string,
      status: TStatus,
      topicId: string | null,
      typeId: string | null,
      viewId: string | null,
      difficulty: number | null,
    ) => ({
      authorId,
      status,
      topicId,
      typeId,
      viewId,
      difficulty,
      version: 1,
      instruction: "Explain.",
      specialtyTags: [],
    });
    await db().seed.createMany({
      data: [
        // Counted: 6 seeds.
        seed(other.id, "SUBMITTED", cardiology.id, openQa.id, patient.id, 1),
        seed(other.id, "SUBMITTED", cardiology.id, openQa.id, patient.id, 2),
        seed(me.id, "APPROVED", cardiology.id, openQa.id, clinician.id, 2),
        seed(other.id, "APPROVED", heart.id, mcq.id, student.id, 3),
        seed(other.id, "SUBMITTED", oncology.id, openQa.id, clinician.id, 4),
        seed(admin.id, "SUBMITTED", null, summary.id, null, null),
        // Not counted: drafts (mine and another author's private ones), sent back, retired.
        seed(me.id, "DRAFT", cardiology.id, mcq.id, patient.id, 5),
        seed(other.id, "DRAFT", neurology.id, openQa.id, patient.id, 5),
        seed(other.id, "DRAFT", neurology.id, openQa.id, patient.id, 5),
        seed(other.id, "CHANGES_REQUESTED", neurology.id, summary.id, patient.id, 5),
        seed(other.id, "RETIRED", neurology.id, summary.id, patient.id, 5),
      ],
    });
    await retireTerm(admin, { termId: heart.id, replacementId: cardiology.id }, ctx());
    await retireTerm(admin, { termId: oncology.id, replacementId: null }, ctx());
    await retireTerm(admin, { termId: student.id, replacementId: null }, ctx());

    const c = await seedCoverage(me);
    expect(c.total).toBe(6);
    expect(c.statuses).toEqual(["SUBMITTED", "APPROVED"]);
    // Every counted seed is in the matrix, the views and the difficulties.
    const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
    expect(sum(c.rows.flatMap((r) => r.counts))).toBe(c.total);
    expect(sum(c.views.map((v) => v.count))).toBe(c.total);
    expect(sum(c.difficulties.map((d) => d.count))).toBe(c.total);

    expect(c.types.map((t) => t.label)).toEqual(["Multiple choice", "Open Q&A", "Summarization"]);
    const matrix = Object.fromEntries(c.rows.map((r) => [r.label, r.counts]));
    expect(matrix).toEqual({
      Cardiology: [1, 3, 0], // the "Heart" seed counts under Cardiology, which replaced it
      Neurology: [0, 0, 0], // drafts, sent-back and retired seeds are not coverage
      "Oncology (retired)": [0, 1, 0],
      "(none)": [0, 0, 1],
    });
    expect(c.rows.map((r) => r.live)).toEqual([true, true, false, false]);
    expect(c.views.map((v) => [v.label, v.count])).toEqual([
      ["Clinician", 2],
      ["Patient", 2],
      ["Student (retired)", 1],
      ["(none)", 1],
    ]);
    expect(c.difficulties).toEqual([
      { level: 1, count: 1 },
      { level: 2, count: 2 },
      { level: 3, count: 1 },
      { level: 4, count: 1 },
      { level: 5, count: 0 },
      { level: null, count: 1 },
    ]);

    // Thin: live topic × live type cells under 2 seeds; retired and "(none)" buckets are never gaps to fill.
    expect(c.thinBelow).toBe(2);
    expect(c.thin.cells).toEqual([
      { topic: "Cardiology", type: "Multiple choice", count: 1 },
      { topic: "Cardiology", type: "Summarization", count: 0 },
      { topic: "Neurology", type: "Multiple choice", count: 0 },
      { topic: "Neurology", type: "Open Q&A", count: 0 },
      { topic: "Neurology", type: "Summarization", count: 0 },
    ]);
    expect(c.thin.views).toEqual([]);
    expect(c.thin.difficulties).toEqual([
      { level: 1, count: 1 },
      { level: 3, count: 1 },
      { level: 4, count: 1 },
      { level: 5, count: 0 },
    ]);

    // The same for another clinician: nobody's drafts count, so nobody's private work shows.
    expect((await seedCoverage(other)).total).toBe(6);
    // Researchers see approved seeds only, here too.
    const r = await seedCoverage(researcher);
    expect(r.total).toBe(2);
    expect(Object.fromEntries(r.rows.map((row) => [row.label, row.counts]))).toEqual({
      Cardiology: [1, 1, 0],
      Neurology: [0, 0, 0],
    });
  });
});

// The seed review inbox (others' submitted seeds I have not reviewed at their current version,
// oldest first, with author and age) and the filtered seed export (med_seed.json's own shape as a
// JSON array, JSON Lines with our id and version; bad filters answer 400 problem+json).
import { readFileSync } from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { parseInput } from "@/lib/errors/parse-input";
import { createSeed } from "@/lib/seeds/create-seed";
import { exportSeedsRoute } from "@/lib/seeds/export-route";
import { listSeedsRoute } from "@/lib/seeds/list-route";
import { listSeeds } from "@/lib/seeds/list-seeds";
import { ZSeedListQuery } from "@/lib/seeds/list-schemas";
import { countNeedsMyReview } from "@/lib/seeds/needs-review";
import { reviewSeed } from "@/lib/seeds/review-seed";
import { saveSeed } from "@/lib/seeds/save-seed";
import { ZReviewSeed } from "@/lib/seeds/schemas";
import { submitSeed } from "@/lib/seeds/submit-seed";
import { addTerm } from "@/lib/vocabulary/add-term";
import { callAs } from "../support/api-caller";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { describeEachSource } from "../support/each-data-source";
import { seedSetup } from "../support/seed-setup";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const TEXTS = [
  "Explain stable angina to a patient.",
  "List the contraindications of metformin.",
  "Summarise the staging of colorectal cancer.",
  "Classify these symptoms as cardiac or respiratory.",
  "Rewrite this discharge note for a ten-year-old.",
];
const inbox = (user: Parameters<typeof listSeeds>[0], extra: Record<string, string> = {}) =>
  listSeeds(user, ZSeedListQuery.parse({ review: "mine", ...extra }));
const tokenOf = async (userId: string) => (await insertApiToken(db(), userId, "t", null)).token;

describe("needs my review", () => {
  it("lists others' submitted seeds I have not reviewed at their current version, oldest first, with author and age", async () => {
    const { admin, author, reviewer, researcher, fields } = await seedSetup();
    const other = asCurrent(await makeUser("CLINICIAN", { name: "Dr Other Author" }));
    const submitted = async (who: typeof author, text: string, daysAgo: number) => {
      const { id } = await createSeed(who, fields({ instruction: text }), ctx());
      await submitSeed(who, id, 1, ctx());
      await db().seed.update({
        where: { id },
        data: { submittedAt: new Date(Date.now() - daysAgo * 86_400_000) },
      });
      return id;
    };
    const newer = await submitted(author, TEXTS[0] ?? "", 1);
    const older = await submitted(other, TEXTS[1] ?? "", 5);
    const mine = await submitted(reviewer, TEXTS[2] ?? "", 9);
    const reviewedNow = await submitted(author, TEXTS[3] ?? "", 3);
    // A review at the seed's current version while it is still submitted (written directly: the
    // review rules move a reviewed seed on): it is no longer mine to review.
    await db().seedReview.create({
      data: { seedId: reviewedNow, version: 1, reviewerId: reviewer.id, decision: "REQUEST_CHANGES" },
    });
    const draft = await createSeed(author, fields({ instruction: TEXTS[4] }), ctx());

    const list = await inbox(reviewer);
    expect(list.seeds.map((s) => s.id)).toEqual([older, newer]);
    expect(list.total).toBe(2);
    expect(list.seeds.map((s) => s.author)).toEqual(["Dr Other Author", author.name]);
    expect(Date.now() - new Date(list.seeds[0]?.since ?? 0).getTime()).toBeGreaterThan(4.9 * 86_400_000);
    expect(list.seeds.some((s) => s.id === mine || s.id === draft.id)).toBe(false);
    expect(await countNeedsMyReview(reviewer)).toBe(2);
    expect((await inbox(reviewer, { sort: "newest" })).seeds.map((s) => s.id)).toEqual([newer, older]);
    // The author's own inbox holds the reviewer's seed, not their own.
    expect((await inbox(author)).seeds.map((s) => s.id)).toEqual([mine, older]);

    // Changes requested: out of the inbox; revised and resubmitted (a new version): back in.
    await reviewSeed(
      reviewer,
      older,
      parseInput(ZReviewSeed, { baseVersion: 1, decision: "REQUEST_CHANGES", comment: "Say which dose." }),
      ctx(),
    );
    expect((await inbox(reviewer)).seeds.map((s) => s.id)).toEqual([newer]);
    await saveSeed(
      other,
      older,
      { ...fields({ instruction: `${TEXTS[1]} Give the doses.` }), baseVersion: 1 },
      ctx(),
    );
    await submitSeed(other, older, 2, ctx());
    expect((await inbox(reviewer)).seeds.map((s) => s.id)).toContain(older);

    // Roles that do not review seeds have an empty inbox.
    expect((await inbox(admin)).total).toBe(0);
    expect((await inbox(researcher)).total).toBe(0);
    expect(await countNeedsMyReview(researcher)).toBe(0);

    // Through the API: the same list, and a bad value is a 400.
    const call = callAs(await tokenOf(reviewer.id));
    const res = await call(listSeedsRoute, "/api/v1/seeds?review=mine");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { seeds: { id: string; author: string }[] };
    expect(body.seeds.map((s) => s.id)).toEqual((await inbox(reviewer)).seeds.map((s) => s.id));
    const bad = await call(listSeedsRoute, "/api/v1/seeds?review=everyone");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
  });
});

type TExported = Record<string, unknown>;

describe("seed export filters", () => {
  it("filters by status, topic, type, difficulty and day, in both shapes; refuses bad filters with 400", async () => {
    const { admin, author, reviewer, researcher, fields, topic } = await seedSetup();
    const neuro = await addTerm(admin, { kind: "TOPIC", label: "Neurology" }, ctx());
    const chat = await addTerm(admin, { kind: "TYPE", label: "Chat" }, ctx());
    const approve = async (over: Record<string, unknown>, created: string) => {
      const { id } = await createSeed(author, fields(over), ctx());
      await submitSeed(author, id, 1, ctx());
      await reviewSeed(reviewer, id, parseInput(ZReviewSeed, { baseVersion: 1, decision: "APPROVE" }), ctx());
      await db().seed.update({ where: { id }, data: { createdAt: new Date(created) } });
      return id;
    };
    const a = await approve({ instruction: TEXTS[0], difficulty: "1" }, "2026-11-01T10:00:00Z");
    const b = await approve(
      { instruction: TEXTS[1], difficulty: "3", topicId: neuro.id },
      "2026-11-15T23:30:00Z",
    );
    const c = await approve(
      { instruction: TEXTS[2], difficulty: "3", typeId: chat.id },
      "2026-11-20T00:10:00Z",
    );
    const pending = (await createSeed(author, fields({ instruction: TEXTS[3] }), ctx())).id;
    await submitSeed(author, pending, 1, ctx());

    const adminCall = callAs(await tokenOf(admin.id));
    const researcherCall = callAs(await tokenOf(researcher.id));
    const ids = async (query: string, call = adminCall) => {
      const res = await call(exportSeedsRoute, `/api/v1/seeds/export?format=jsonl&${query}`);
      expect(res.status).toBe(200);
      return (await res.text())
        .trimEnd()
        .split("\n")
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { id: string }).id);
    };
    expect(await ids("")).toEqual([a, b, c]);
    expect(await ids(`topicId=${neuro.id}`)).toEqual([b]);
    expect(await ids(`topicId=${topic.id}`)).toEqual([a, c]);
    expect(await ids(`typeId=${chat.id}`)).toEqual([c]);
    expect(await ids("difficulty=3")).toEqual([b, c]);
    expect(await ids("from=2026-11-15&to=2026-11-19")).toEqual([b]);
    expect(await ids("from=2026-11-16")).toEqual([c]);
    expect(await ids("to=2026-11-01")).toEqual([a]);
    expect(await ids("status=submitted")).toEqual([pending]);
    expect(await ids("difficulty=3&topicId=&typeId=&from=&to=", researcherCall)).toEqual([b, c]);
    // Researchers see approved seeds only, and so export nothing else.
    expect((await researcherCall(exportSeedsRoute, "/api/v1/seeds/export?status=submitted")).status).toBe(
      403,
    );

    for (const bad of [
      "difficulty=9",
      "topicId=cardiology",
      "from=2026-13-01",
      "from=2026-11-20&to=2026-11-01",
      "status=draft",
      "format=csv",
    ]) {
      const res = await adminCall(exportSeedsRoute, `/api/v1/seeds/export?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.headers.get("content-type"), bad).toContain("application/problem+json");
    }

    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "seed.export", actorId: admin.id },
      orderBy: { at: "asc" },
      skip: 1,
    });
    expect(audit.after).toMatchObject({ filters: { topicId: neuro.id }, count: 1, complete: true });
  });
});

describeEachSource("alpacare/med_seed.json", "the JSON array export", (file) => {
  it("parses with exactly med_seed.json's fields, value types and layout", async () => {
    const source = JSON.parse(readFileSync(file, "utf8")) as TExported[];
    const sourceKeys = Object.keys(source[0] ?? {});
    const { admin, author, reviewer, fields } = await seedSetup();
    for (const text of TEXTS.slice(0, 3)) {
      const { id } = await createSeed(
        author,
        fields({ instruction: text, input: text === TEXTS[1] ? "" : "Age 54." }),
        ctx(),
      );
      await submitSeed(author, id, 1, ctx());
      await reviewSeed(reviewer, id, parseInput(ZReviewSeed, { baseVersion: 1, decision: "APPROVE" }), ctx());
    }
    const res = await callAs(await tokenOf(admin.id))(exportSeedsRoute, "/api/v1/seeds/export?format=json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const text = await res.text();
    const exported = JSON.parse(text) as TExported[];
    expect(exported).toHaveLength(3);
    for (const record of exported) {
      expect(Object.keys(record)).toEqual(sourceKeys);
      for (const k of sourceKeys) expect(typeof record[k]).toBe(typeof source[0]?.[k]);
    }
    expect(exported.map((r) => r.input)).toEqual(["Age 54.", "<noinput>", "Age 54."]);
    // Laid out as the file is: four-space indents, one object per block.
    expect(text.startsWith('[\n    {\n        "topic": ')).toBe(true);
    expect(text.endsWith("\n    }\n]\n")).toBe(true);
  });
});

import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { parseInput } from "@/lib/errors/parse-input";
import { createSeed } from "@/lib/seeds/create-seed";
import { listSeeds } from "@/lib/seeds/list-seeds";
import { ZSeedListQuery } from "@/lib/seeds/list-schemas";
import { saveSeed } from "@/lib/seeds/save-seed";
import { ZSeedFields } from "@/lib/seeds/schemas";
import { addTerm } from "@/lib/vocabulary/add-term";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const list = (user: Parameters<typeof listSeeds>[0], q: Record<string, string>) =>
  listSeeds(user, parseInput(ZSeedListQuery, q));

async function setup() {
  const admin = asCurrent(await makeUser("ADMIN"));
  const author = asCurrent(await makeUser("CLINICIAN"));
  const other = asCurrent(await makeUser("CLINICIAN"));
  const researcher = asCurrent(await makeUser("RESEARCHER"));
  const cardiology = await addTerm(admin, { kind: "TOPIC", label: "Cardiology" }, ctx());
  const endocrinology = await addTerm(admin, { kind: "TOPIC", label: "Endocrinology" }, ctx());
  return { author, other, researcher, cardiology, endocrinology };
}

/** Many seeds at once, straight into the table (the search reads the generated column the database fills). */
async function bulk(
  n: number,
  row: (i: number) => {
    authorId: string;
    status: "DRAFT" | "SUBMITTED" | "APPROVED";
    instruction: string;
    topicId?: string;
    updatedAt?: Date;
  },
) {
  await db().seed.createMany({
    data: Array.from({ length: n }, (_, i) => ({ version: 1, specialtyTags: [], ...row(i) })),
  });
}

describe("seed search", () => {
  it("applies visibility and filters together with the match: no match is dropped behind thousands of others", async () => {
    const { author, other, cardiology, endocrinology } = await setup();
    // 5,001 matches the caller may not see (another author's drafts), written first…
    await bulk(5_001, (i) => ({
      authorId: other.id,
      status: "DRAFT",
      instruction: `Explain a cough remedy, case ${i}.`,
    }));
    // …and 5,001 visible matches under another topic.
    await bulk(5_001, (i) => ({
      authorId: other.id,
      status: "SUBMITTED",
      instruction: `Explain a cough remedy for a child, case ${i}.`,
      topicId: endocrinology.id,
    }));
    const wanted = await createSeed(
      author,
      parseInput(ZSeedFields, {
        instruction: "Explain a cough remedy for an adult with heart failure.",
        topicId: cardiology.id,
      }),
      ctx(),
    );

    const mine = await list(author, { q: "cough remedy", topicId: cardiology.id });
    expect(mine.total).toBe(1);
    expect(mine.seeds.map((s) => s.id)).toEqual([wanted.id]);
    // Everything the caller may see matches: the visible 5,001 and their own draft, never the others' drafts.
    expect((await list(author, { q: "cough remedy" })).total).toBe(5_002);
    expect((await list(other, { q: "cough remedy" })).total).toBe(10_002);
  });

  it("ranks by ts_rank (instruction above input, above reference answer), then newest, and pages", async () => {
    const { author } = await setup();
    const fields = (over: Record<string, unknown>) =>
      parseInput(ZSeedFields, { instruction: "Answer the question.", ...over });
    const inInstruction = await createSeed(
      author,
      fields({ instruction: "Adjust insulin dosing when insulin pumps fail." }),
      ctx(),
    );
    const inInput = await createSeed(author, fields({ input: "My insulin pen is empty." }), ctx());
    const inReference = await createSeed(author, fields({ referenceAnswer: "Check the insulin." }), ctx());
    await createSeed(author, fields({ instruction: "Explain what a statin does." }), ctx());
    // Newest first would put the weakest match on top.
    const found = await list(author, { q: "insulin" });
    expect(found.total).toBe(3);
    expect(found.seeds.map((s) => s.id)).toEqual([inInstruction.id, inInput.id, inReference.id]);

    // The generated search column follows every save.
    await saveSeed(
      author,
      inReference.id,
      { ...fields({ instruction: "Store insulin in the fridge.", referenceAnswer: "" }), baseVersion: 1 },
      ctx(),
    );
    expect((await list(author, { q: "fridge" })).seeds.map((s) => s.id)).toEqual([inReference.id]);

    await bulk(55, (i) => ({
      authorId: author.id,
      status: "SUBMITTED",
      instruction: `Describe a rash, case ${i}.`,
      updatedAt: new Date(Date.UTC(2026, 0, 1, 0, i)),
    }));
    const [p1, p2, p3] = await Promise.all(
      [1, 2, 3].map((page) => list(author, { q: "rash", page: String(page) })),
    );
    expect([p1?.total, p2?.total, p3?.total]).toEqual([55, 55, 55]);
    expect([p1?.seeds.length, p2?.seeds.length, p3?.seeds.length]).toEqual([50, 5, 0]);
    // Equal rank: newest change first, pages neither overlapping nor skipping.
    const instructions = [...(p1?.seeds ?? []), ...(p2?.seeds ?? [])].map((s) => s.instruction);
    expect(instructions).toEqual(Array.from({ length: 55 }, (_, i) => `Describe a rash, case ${54 - i}.`));
    expect(p1?.seeds[0]?.updatedAt).toBe(new Date(Date.UTC(2026, 0, 1, 0, 54)).toISOString());
  });

  it("keeps researchers to approved seeds and filters by status and difficulty without a search", async () => {
    const { author, other, researcher } = await setup();
    await bulk(3, (i) => ({
      authorId: other.id,
      status: (["DRAFT", "SUBMITTED", "APPROVED"] as const)[i] ?? "DRAFT",
      instruction: `Explain sepsis, ${i}.`,
    }));
    expect((await list(researcher, { q: "sepsis" })).seeds.map((s) => s.instruction)).toEqual([
      "Explain sepsis, 2.",
    ]);
    expect((await list(author, { q: "sepsis" })).total).toBe(2);
    expect((await list(author, {})).total).toBe(2);
    expect((await list(author, { status: "APPROVED" })).seeds.map((s) => s.status)).toEqual(["APPROVED"]);
    expect((await list(other, { status: "DRAFT" })).total).toBe(1);
    expect((await list(author, { status: "DRAFT" })).total).toBe(0);
  });

  it("searches through a GIN index on the generated tsvector column", async () => {
    const rows = await db().$queryRaw<{ indexdef: string }[]>`
      SELECT indexdef FROM pg_indexes WHERE tablename = 'Seed' AND indexname = 'Seed_searchVector_idx'`;
    expect(rows[0]?.indexdef).toMatch(/USING gin \("searchVector"\)/);
    const generated = await db().$queryRaw<{ attgenerated: string }[]>`
      SELECT attgenerated::text FROM pg_attribute WHERE attrelid = '"Seed"'::regclass AND attname = 'searchVector'`;
    expect(generated[0]?.attgenerated).toBe("s");
    const plan = await db().$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN SELECT id FROM "Seed" s WHERE s."searchVector" @@ plainto_tsquery('english'::regconfig, 'cough')`;
    });
    expect(plan.map((r) => r["QUERY PLAN"]).join("\n")).toContain("Seed_searchVector_idx");
  });
});

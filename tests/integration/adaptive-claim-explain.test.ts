// Issue 17 (adaptive claim's cost), evidence: a study of the bench's size (8 models × 40 prompts,
// every pair: 1,120 comparisons) with 50 raters' worth of work (12 submitted judgements each, as
// scripts/bench/adaptive-claim-http.ts ends), and EXPLAIN (ANALYZE, BUFFERS) of the adaptive claim's
// two reads as they were (the claim rule evaluated on every open item; the counts joined through
// the index on "comparisonId" alone) and as they are. Prints the figures BENCHMARKS.md quotes;
// asserts only what does not depend on the machine's load (the plans' shape).
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { startedAdaptiveStudy } from "../support/adaptive-study";
import { resetDatabase } from "../support/db";
import { makeUser } from "../support/factories";
import { setWiseAdaptiveRead } from "../support/adaptive-set-wise-read";
import { adaptiveClaimRead } from "@/lib/studies/adaptive-claim-read";

afterAll(async () => {
  await db().$disconnect();
});

type TPlanRow = { "QUERY PLAN": unknown };
type TPlanNode = {
  "Node Type": string;
  "Index Name"?: string;
  Filter?: string;
  "One-Time Filter"?: string;
  "Shared Hit Blocks"?: number;
  Plans?: TPlanNode[];
  "Actual Rows"?: number;
};
type TPlan = {
  Plan: TPlanNode;
  "Execution Time": number;
  Triggers?: { "Trigger Name": string; Time: number; Calls: number }[];
};

function nodes(n: TPlanNode): TPlanNode[] {
  return [n, ...(n.Plans ?? []).flatMap(nodes)];
}

/** EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) of a read, best of `runs` (warm cache). */
async function explain(q: Prisma.Sql, runs = 5): Promise<TPlan> {
  let best: TPlan | null = null;
  for (let i = 0; i < runs; i++) {
    const rows = await db().$queryRaw<TPlanRow[]>(Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q}`);
    const plan = (rows[0]?.["QUERY PLAN"] as TPlan[])[0] as TPlan;
    if (!best || plan["Execution Time"] < best["Execution Time"]) best = plan;
  }
  return best as TPlan;
}

const openRegularBefore = (study: string, user: string) => Prisma.sql`
  SELECT DISTINCT ON (c."modelA", c."modelB") qi.id, c."promptId", c."modelA", c."modelB", qi."completedSlots", qi.position
    FROM "QueueItem" qi JOIN "StudyComparison" c ON c."queueItemId" = qi.id
   WHERE qi."queueId" = ${study}::uuid AND queue_item_open_for(qi, ${user}::uuid) AND c.kind = 'regular'
   ORDER BY c."modelA", c."modelB", qi."completedSlots", qi.position`;
const openRegularAfter = (study: string, user: string) => Prisma.sql`
  SELECT DISTINCT ON (c."modelA", c."modelB") qi.id, c."promptId", c."modelA", c."modelB", qi."completedSlots", qi.position
    FROM queue_items_open_for(${study}::uuid, ${user}::uuid) qi JOIN "StudyComparison" c ON c."queueItemId" = qi.id
   WHERE c.kind = 'regular'
   ORDER BY c."modelA", c."modelB", qi."completedSlots", qi.position`;
const counts = (study: string, criterion: string) => Prisma.sql`
  SELECT c."modelA", c."modelB", j.choice::text AS choice, count(j.id)::int AS n
    FROM "StudyComparison" c
    LEFT JOIN "StudyJudgement" j
      ON j."comparisonId" = c.id AND j."supersededAt" IS NULL AND j.criterion = ${criterion}
   WHERE c."studyId" = ${study}::uuid AND c.kind = 'regular'
   GROUP BY c."modelA", c."modelB", j.choice`;

/**
 * A study of the bench's size (8 models × 40 prompts, every pair: 1,120 comparisons) with 50
 * raters' worth of work (12 submitted judgements each, as scripts/bench/adaptive-claim-http.ts
 * ends) and a rater list of all 50 (the claim rule's most expensive case: the list is read).
 */
async function benchShapedStudy() {
  await resetDatabase();
  const studyId = await startedAdaptiveStudy(8, 40);
  const raters = [];
  for (let r = 0; r < 50; r++) raters.push(await makeUser("CLINICIAN"));
  // A rater list of all 50 (the rule's most expensive case: the list is read).
  await db().studyRater.createMany({ data: raters.map((u) => ({ studyId, userId: u.id })) });
  const ids = raters.map((u) => u.id);
  // 12 submitted judgements per rater on items spread over the queue (every 2nd item in position
  // order, rater by rater), with their slots and a judgement on the study's criterion.
  await db().$executeRaw`
    WITH picked AS (
      SELECT qi.id AS item, c.id AS comparison, (${ids}::uuid[])[1 + (qi.rn / 2) / 12] AS rater, qi.rn
        FROM (SELECT q.*, (row_number() OVER (ORDER BY q.position) - 1)::int AS rn
                FROM "QueueItem" q WHERE q."queueId" = ${studyId}::uuid) qi
        JOIN "StudyComparison" c ON c."queueItemId" = qi.id
       WHERE qi.rn % 2 = 0 AND qi.rn < 1200
    ), a AS (
      INSERT INTO "QueueAssignment" (id, "itemId", "queueId", "userId", status, "claimedAt", "leaseExpiresAt", "submittedAt")
      SELECT gen_random_uuid(), item, ${studyId}::uuid, rater, 'SUBMITTED', now(), now(), now() FROM picked
      RETURNING id, "itemId", "userId"
    ), s AS (
      UPDATE "QueueItem" SET "claimedSlots" = 1, "completedSlots" = 1 WHERE id IN (SELECT item FROM picked)
    )
    INSERT INTO "StudyJudgement" (id, "comparisonId", "assignmentId", "raterId", criterion, choice, "shownLeft", "durationMs")
    SELECT gen_random_uuid(), p.comparison, a.id, a."userId", 'quality',
           (ARRAY['A', 'B', 'A', 'tie']::"StudyChoice"[])[1 + p.rn % 4], 'A', 1000
      FROM a JOIN picked p ON p.item = a."itemId"`;
  await db().$executeRaw`ANALYZE`;
  const judged = await db().studyJudgement.count({ where: { comparison: { studyId } } });
  expect(judged).toBe(560);
  return { studyId, raters };
}

describe("the adaptive claim's reads on a study of the bench's size", () => {
  it("test the claim rule without a per-item sub-query and read the counts by the current-judgement index", async () => {
    const { studyId, raters } = await benchShapedStudy();
    const rater = raters[7]?.id ?? "";

    const before = await explain(openRegularBefore(studyId, rater));
    const after = await explain(openRegularAfter(studyId, rater));
    const countsAfter = await explain(counts(studyId, "quality"));
    // The counts as they were: the same statement without the partial index (dropped inside a
    // transaction that is rolled back).
    const countsBefore = await db()
      .$transaction(async (tx) => {
        await tx.$executeRaw`DROP INDEX "StudyJudgement_current_idx"`;
        const rows = await tx.$queryRaw<TPlanRow[]>(
          Prisma.sql`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${counts(studyId, "quality")}`,
        );
        throw Object.assign(new Error("rollback"), { plan: (rows[0]?.["QUERY PLAN"] as TPlan[])[0] });
      })
      .catch((e: { plan?: TPlan }) => e.plan as TPlan);

    const figure = (p: TPlan) =>
      `${p["Execution Time"].toFixed(2)} ms, ${p.Plan["Actual Rows"] ?? "?"} rows, ${p.Plan["Shared Hit Blocks"] ?? "?"} buffers hit, nodes: ${nodes(
        p.Plan,
      )
        .map((n) => n["Node Type"] + (n["Index Name"] ? ` (${n["Index Name"]})` : ""))
        .join(" > ")}`;
    console.log(`[adaptive-explain] open items before: ${figure(before)}`);
    console.log(`[adaptive-explain] open items after:  ${figure(after)}`);
    console.log(`[adaptive-explain] counts before:     ${figure(countsBefore)}`);
    console.log(`[adaptive-explain] counts after:      ${figure(countsAfter)}`);

    // Same answer (28 pairs, each with open items). Before: the rater list and the rater's own
    // assignment probed per open item (a filter calling both of the rule's sub-query functions on
    // each row); after: the list read once (a one-time filter), the assignment still one index probe
    // per item (a plan that does not depend on the statistics, …_adaptive_open_items_probe).
    expect(after.Plan["Actual Rows"]).toBe(28);
    expect(before.Plan["Actual Rows"]).toBe(28);
    const filters = (p: TPlan) => nodes(p.Plan).map((n) => n.Filter ?? "");
    expect(
      filters(before).some((f) => f.includes("queue_item_taken_by") && f.includes("queue_open_to")),
    ).toBe(true);
    expect(filters(after).some((f) => f.includes("queue_open_to"))).toBe(false);
    expect(nodes(after.Plan).some((n) => n["One-Time Filter"]?.includes("queue_open_to"))).toBe(true);
  });

  it("reads per model pair (migration …_pair_state): the whole read before and after, and a submit's cost", async () => {
    const { studyId, raters } = await benchShapedStudy();
    const rater = raters[7]?.id ?? "";
    const q = adaptiveClaimRead(studyId, rater, "quality");
    const perPair = Prisma.sql(q.strings, ...q.values);
    const before = await explain(setWiseAdaptiveRead(studyId, rater, "quality"));
    const after = await explain(perPair);
    const figure = (p: TPlan) =>
      `${p["Execution Time"].toFixed(2)} ms, ${p.Plan["Shared Hit Blocks"] ?? "?"} buffers hit`;
    console.log(`[adaptive-explain] whole read before (set-wise): ${figure(before)}`);
    console.log(`[adaptive-explain] whole read after (per pair):  ${figure(after)}`);
    // The same answer, from far fewer pages: the per-pair walks and the 28 tallies instead of every
    // regular item and comparison of the study (1,163 buffers before on the lead's machine).
    const [a] = await db().$queryRaw<{ open: unknown[] }[]>(perPair);
    const [b] = await db().$queryRaw<{ open: unknown[] }[]>(setWiseAdaptiveRead(studyId, rater, "quality"));
    expect(a?.open).toEqual(b?.open);
    expect(a?.open.length).toBe(28);
    const hit = (p: TPlan) => p.Plan["Shared Hit Blocks"] ?? 0;
    expect(hit(after) * 3).toBeLessThan(hit(before));
    // The walks run inside queue_group_first_open (…_adaptive_hot_pair), whose cursors EXPLAIN does
    // not show: their queries, planned as cursors (fast start), must walk the open-item indexes in
    // order (no Sort: a sort would test the rule on every free item first).
    const [pair] = await db().$queryRaw<{ id: string }[]>`
      SELECT id::text FROM "StudyPair" WHERE "studyId" = ${studyId}::uuid ORDER BY "modelA", "modelB" LIMIT 1`;
    const walk = await db().$transaction(async (tx) => {
      const grouped = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN DECLARE walk NO SCROLL CURSOR FOR SELECT * FROM "QueueItem" i
         WHERE i."queueId" = ${studyId}::uuid AND i."groupKey" = ${pair?.id ?? ""} AND i."groupKey" <> ''
           AND i."claimedSlots" < i.capacity ORDER BY i."completedSlots", i.position`;
      const ungrouped = await tx.$queryRaw<{ "QUERY PLAN": string }[]>`
        EXPLAIN DECLARE walk NO SCROLL CURSOR FOR SELECT * FROM "QueueItem" i
         WHERE i."queueId" = ${studyId}::uuid AND i."groupKey" = '' AND i."claimedSlots" < i.capacity
         ORDER BY i.position`;
      return [grouped, ungrouped].map((rows) => rows.map((r) => r["QUERY PLAN"]).join("\n"));
    });
    expect(walk[0]).toContain("QueueItem_group_open_idx");
    expect(walk[1]).toContain("QueueItem_ungrouped_open_idx");
    for (const plan of walk) expect(plan).not.toContain("Sort");

    // A submit's judgement insert with and without the tally trigger (inside transactions rolled
    // back): the trigger's own time is what every study submit now pays.
    const insert = async (withTrigger: boolean): Promise<TPlan> => {
      let best: TPlan | null = null;
      for (let i = 0; i < 5; i++) {
        const plan = await db()
          .$transaction(async (tx) => {
            if (!withTrigger)
              await tx.$executeRaw`ALTER TABLE "StudyJudgement" DISABLE TRIGGER study_judgement_tally_insert`;
            // The tally triggers are deferred to commit (…_adaptive_hot_pair): fire them inside the
            // measured statement instead.
            await tx.$executeRaw`SET CONSTRAINTS ALL IMMEDIATE`;
            const rows = await tx.$queryRaw<TPlanRow[]>`
              EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
              INSERT INTO "StudyJudgement" (id, "comparisonId", "assignmentId", "raterId", criterion, choice, "shownLeft", "durationMs")
              SELECT gen_random_uuid(), j."comparisonId", j."assignmentId", j."raterId", 'safety', 'B', 'A', 1000
                FROM "StudyJudgement" j JOIN "StudyComparison" c ON c.id = j."comparisonId" AND c.kind = 'regular'
               ORDER BY j.id LIMIT 1`;
            throw Object.assign(new Error("rollback"), { plan: (rows[0]?.["QUERY PLAN"] as TPlan[])[0] });
          })
          .catch((e: { plan?: TPlan }) => e.plan as TPlan);
        if (!best || plan["Execution Time"] < best["Execution Time"]) best = plan;
      }
      return best as TPlan;
    };
    const plain = await insert(false);
    const counted = await insert(true);
    const trigger = counted.Triggers?.find((t) => t["Trigger Name"] === "study_judgement_tally_insert");
    console.log(
      `[adaptive-explain] judgement insert without the tally trigger: ${plain["Execution Time"].toFixed(3)} ms; with: ${counted["Execution Time"].toFixed(3)} ms (trigger ${trigger?.Time.toFixed(3)} ms, ${trigger?.Calls} call)`,
    );
    expect(trigger?.Calls).toBe(1);
    expect(plain.Triggers?.some((t) => t["Trigger Name"] === "study_judgement_tally_insert")).toBe(false);
  });
});

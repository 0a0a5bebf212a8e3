// Issue 17 (adaptive claim's cost): the adaptive claim reads the rater's open items set-wise
// (queue_items_open_for) while every other caller tests one item at a time (queue_item_open_for).
// Both call the rule's one body (queue_item_open_given); this checks that their answers agree on a
// study in every state the rule tells apart, and that a claim the uniform pick had to serve is
// logged as a fallback.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/prisma";
import type { TQueueClient } from "@/lib/queue";
import { claimAdaptive } from "@/lib/studies/claim-adaptive";
import { assignByHand, startedAdaptiveStudy } from "../support/adaptive-study";
import { resetDatabase } from "../support/db";
import { makeUser } from "../support/factories";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TItem = { id: string; position: number };

async function itemsOf(studyId: string): Promise<TItem[]> {
  return db().$queryRaw<TItem[]>`
    SELECT qi.id::text, qi.position FROM "QueueItem" qi WHERE qi."queueId" = ${studyId}::uuid ORDER BY qi.position`;
}

async function bothForms(studyId: string, userId: string) {
  const oneByOne = await db().$queryRaw<{ id: string }[]>`
    SELECT qi.id::text FROM "QueueItem" qi
     WHERE qi."queueId" = ${studyId}::uuid AND queue_item_open_for(qi, ${userId}::uuid) ORDER BY qi.id`;
  const setWise = await db().$queryRaw<{ id: string }[]>`
    SELECT qi.id::text FROM queue_items_open_for(${studyId}::uuid, ${userId}::uuid) qi ORDER BY qi.id`;
  return { oneByOne: oneByOne.map((r) => r.id), setWise: setWise.map((r) => r.id) };
}

describe("the claim rule, item by item and set-wise", () => {
  it("gives the same open items for every rater: leases, submits, skips, expired leases, repeats, full items, a rater list", async () => {
    const studyId = await startedAdaptiveStudy(3, 6);
    const u1 = await makeUser("CLINICIAN");
    const u2 = await makeUser("CLINICIAN");
    const u3 = await makeUser("CLINICIAN");
    const u4 = await makeUser("CLINICIAN");
    const items = await itemsOf(studyId);
    const item = (i: number) => items[i]?.id ?? "";
    expect(items.length).toBe(18);
    // Two slots per item, so an item one person had is still open to others.
    await db().$executeRaw`UPDATE "QueueItem" SET capacity = 2 WHERE "queueId" = ${studyId}::uuid`;
    await assignByHand(item(0), studyId, u1.id, "LEASED");
    await assignByHand(item(1), studyId, u1.id, "SUBMITTED");
    await assignByHand(item(2), studyId, u1.id, "RELEASED");
    await assignByHand(item(3), studyId, u1.id, "EXPIRED");
    await assignByHand(item(4), studyId, u1.id, "LEASED", -5); // lapsed, not yet expired by a claim
    await assignByHand(item(1), studyId, u2.id, "SUBMITTED"); // items[1] now full
    await assignByHand(item(5), studyId, u2.id, "SUBMITTED");
    await assignByHand(item(5), studyId, u3.id, "LEASED"); // items[5] full, u3 holds it
    // Repeats: meant for u1 only, one of them already had by u1.
    await db().$executeRaw`
      UPDATE "QueueItem" SET "onlyForUserId" = ${u1.id}::uuid
       WHERE id IN (${item(6)}::uuid, ${item(7)}::uuid, ${item(2)}::uuid)`;
    // An item made full by hand (no assignments) and one meant for u2 that u2 submitted.
    await db().$executeRaw`UPDATE "QueueItem" SET "claimedSlots" = capacity WHERE id = ${item(8)}::uuid`;
    await db()
      .$executeRaw`UPDATE "QueueItem" SET "onlyForUserId" = ${u2.id}::uuid WHERE id = ${item(9)}::uuid`;
    await assignByHand(item(9), studyId, u2.id, "SUBMITTED");

    const people = [u1, u2, u3, u4];
    const open = async () => Promise.all(people.map((u) => bothForms(studyId, u.id)));
    const before = await open();
    for (const f of before) expect(f.setWise).toEqual(f.oneByOne);
    // The states above tell the raters apart (the comparison is not between empty sets).
    expect(before.map((f) => f.oneByOne.length)).toEqual([
      18 -
        3 /* 0, 1, 2: leased, submitted, skipped */ -
        1 /* 4: lapsed lease */ -
        1 /* 5 */ -
        1 /* 8 */ -
        1 /* 9 */,
      18 - 1 - 1 - 2 /* 6, 7 */ - 1 - 1 - 1 /* 2: u1's */,
      18 - 1 - 1 - 2 - 1 - 1 - 1,
      18 - 1 - 1 - 2 - 1 - 1 - 1,
    ]);

    // A rater list: u1 and u2 only; u3 and u4 see nothing, in both forms.
    await db().studyRater.createMany({ data: [u1, u2].map((u) => ({ studyId, userId: u.id })) });
    const listed = await open();
    for (const f of listed) expect(f.setWise).toEqual(f.oneByOne);
    expect(listed.map((f) => f.oneByOne.length)).toEqual([
      before[0]?.oneByOne.length,
      before[1]?.oneByOne.length,
      0,
      0,
    ]);
  });
});

describe("a fallback claim", () => {
  it("is logged with rule 'fallback' and the pair of the item the uniform pick took", async () => {
    const studyId = await startedAdaptiveStudy(3, 4);
    const rater = await makeUser("CLINICIAN");
    const study = await db().study.findUniqueOrThrow({ where: { id: studyId } });
    let chosenPair: { modelA: string; modelB: string } | null = null;
    // Between the choice and the claim, every item of the chosen pair goes (as if other raters took
    // them): the claim statement's own pick finds none of the pair and the uniform pick serves.
    const racing = {
      $queryRaw: async (q: Prisma.Sql) => {
        if (q.sql.includes("study_claim_item_under(")) {
          const ids = q.values.filter((v): v is string => typeof v === "string" && /^[0-9a-f-]{36}$/.test(v));
          const [pair] = await db().$queryRaw<{ modelA: string; modelB: string }[]>`
            SELECT c."modelA", c."modelB" FROM "StudyComparison" c
             WHERE c."queueItemId" = ANY(${ids}::uuid[]) AND c."studyId" = ${studyId}::uuid`;
          chosenPair = pair ?? null;
          if (pair)
            await db().$executeRaw`
              UPDATE "QueueItem" SET "claimedSlots" = capacity
               WHERE id IN (SELECT c."queueItemId" FROM "StudyComparison" c
                             WHERE c."studyId" = ${studyId}::uuid AND c."modelA" = ${pair.modelA}
                               AND c."modelB" = ${pair.modelB})`;
        }
        return db().$queryRaw(q);
      },
    } as unknown as TQueueClient;

    const claim = await claimAdaptive(
      rater.id,
      { id: studyId, leaseMinutes: 30, criteria: study.criteria, allocationGoal: "ranking" },
      racing,
    );
    expect(chosenPair).not.toBeNull();
    expect(claim).not.toBeNull();
    const taken = await db().studyComparison.findUniqueOrThrow({ where: { queueItemId: claim!.itemId } });
    const pair = chosenPair as unknown as { modelA: string; modelB: string };
    expect(`${taken.modelA}|${taken.modelB}`).not.toBe(`${pair.modelA}|${pair.modelB}`);
    const log = await db().studyAllocationChoice.findUniqueOrThrow({
      where: { assignmentId: claim!.assignmentId },
    });
    expect(log).toMatchObject({
      rule: "fallback",
      modelA: taken.modelA,
      modelB: taken.modelB,
      pairJudgements: 0,
      target: [],
      deficit: null,
    });
    // The uniform pick: the queue's first item open to the rater, so every item before it is full.
    const [earlier] = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "QueueItem" qi JOIN "QueueItem" t ON t.id = ${claim!.itemId}::uuid
       WHERE qi."queueId" = ${studyId}::uuid AND qi.position < t.position AND qi."claimedSlots" < qi.capacity`;
    expect(earlier?.n).toBe(0);

    // The next claim resumes that lease and logs nothing more.
    const again = await claimAdaptive(
      rater.id,
      { id: studyId, leaseMinutes: 30, criteria: study.criteria, allocationGoal: "ranking" },
      db(),
    );
    expect(again).toMatchObject({ assignmentId: claim!.assignmentId, resumed: true });
    expect(await db().studyAllocationChoice.count({ where: { studyId } })).toBe(1);
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { claimNextItem, createQueueItems } from "@/lib/queue";
import { resetDatabase } from "../support/db";

// Issue 13: the claim reads only open items (the partial index "QueueItem_open_idx"), so its cost
// does not grow with finished work. These tests run the claim on a queue that is mostly finished,
// large enough that PostgreSQL takes the index, and check the rules still hold on that path.

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const FINISHED = 3_000;

/** Real accounts: assignments reference their user by foreign key (migration …_integrity_constraints). */
async function makeUsers(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, () => randomUUID());
  await db().user.createMany({
    data: ids.map((id) => ({
      id,
      email: `${id}@int.test`,
      name: "q",
      role: "CLINICIAN" as const,
      pseudonym: `R-${id}`,
    })),
  });
  return ids;
}

/** FINISHED full, finished items and `open` items with capacity 2, in a shuffled order. */
async function mostlyFinishedQueue(open: number) {
  const queueId = randomUUID();
  const ids = await db().$transaction((tx) =>
    createQueueItems(tx, {
      queueId,
      seed: "open-index",
      items: Array.from({ length: FINISHED + open }, () => ({ capacity: 2 })),
    }),
  );
  const done = ids.slice(0, FINISHED);
  const [a = "", b = ""] = await makeUsers(2);
  await db().$executeRaw`
    INSERT INTO "QueueAssignment" (id, "itemId", "queueId", "userId", status, "claimedAt", "leaseExpiresAt", "submittedAt")
    SELECT gen_random_uuid(), item, ${queueId}::uuid, who, 'SUBMITTED', now(), now(), now()
      FROM unnest(${done}::uuid[]) item CROSS JOIN unnest(ARRAY[${a}::uuid, ${b}::uuid]) who`;
  await db()
    .$executeRaw`UPDATE "QueueItem" SET "claimedSlots" = 2, "completedSlots" = 2 WHERE id = ANY(${done}::uuid[])`;
  await db().$executeRaw`ANALYZE "QueueItem", "QueueAssignment"`;
  return { queueId, open: ids.slice(FINISHED) };
}

async function pickPlan(queueId: string, userId: string): Promise<string> {
  const rows = await db().$queryRaw<{ "QUERY PLAN": string }[]>`
    EXPLAIN (ANALYZE, COSTS OFF)
    SELECT qi.id FROM "QueueItem" qi
     WHERE qi."queueId" = ${queueId}::uuid AND queue_item_open_for(qi, ${userId}::uuid)
     ORDER BY qi.position LIMIT 1 FOR UPDATE SKIP LOCKED`;
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

describe("the claim on the open-items index", () => {
  it("the claim rule's pick scans only open items, filtering out no finished row", async () => {
    const { queueId } = await mostlyFinishedQueue(5);
    const plan = await pickPlan(queueId, randomUUID());
    expect(plan).toContain("QueueItem_open_idx");
    expect(plan).not.toMatch(/Rows Removed by Filter/);
  });

  it("honours capacity and one item per person, never hands out a finished item, and returns an expired lease's slot", async () => {
    const { queueId, open } = await mostlyFinishedQueue(6);
    const [newcomerId = "", ...users] = await makeUsers(21);
    const claims = await Promise.all(
      users.map((userId) => claimNextItem({ queueId, userId, leaseMinutes: 30 })),
    );
    const got = claims.filter((c) => c !== null);
    // 6 open items × 2 slots: twelve leases, the rest told nothing is left.
    expect(got).toHaveLength(12);
    expect(new Set(got.map((c) => c.itemId))).toEqual(new Set(open));
    const perItem = await db().queueItem.findMany({
      where: { id: { in: open } },
      select: { claimedSlots: true },
    });
    expect(perItem.every((r) => r.claimedSlots === 2)).toBe(true);

    // A person with a lease gets it back, not a second item; nobody else gets anything now.
    const holder = users[claims.findIndex((c) => c !== null)] as string;
    const again = await claimNextItem({ queueId, userId: holder, leaseMinutes: 30 });
    expect(again?.resumed).toBe(true);
    expect(await claimNextItem({ queueId, userId: randomUUID(), leaseMinutes: 30 })).toBeNull();

    // An expired lease frees its slot: the item comes back into the open set for someone new,
    // but never for the person who held it (one per person).
    const lapsed = got[0];
    await db()
      .$executeRaw`UPDATE "QueueAssignment" SET "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') - interval '1 minute' WHERE id = ${lapsed?.assignmentId}::uuid`;
    const newcomer = await claimNextItem({ queueId, userId: newcomerId, leaseMinutes: 30 });
    expect(newcomer?.itemId).toBe(lapsed?.itemId);
    expect(
      (await db().queueAssignment.findUniqueOrThrow({ where: { id: lapsed?.assignmentId } })).status,
    ).toBe("EXPIRED");
  });
});

import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { PrismaClient } from "@/lib/generated/prisma/client";
import {
  claimNextItem,
  createQueueItems,
  queueProgress,
  QUEUE_TX_OPTIONS,
  releaseAssignment,
  saveAssignmentDraft,
  submitAssignment,
  type TQueueClient,
} from "@/lib/queue";
import { resetDatabase, testDatabaseUrl } from "../support/db";

// Independent pools, as separate app instances would have.
const instances: PrismaClient[] = [];
function instance(): PrismaClient {
  const c = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 10 }) });
  instances.push(c);
  return c;
}

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await Promise.all(instances.map((c) => c.$disconnect()));
  await db().$disconnect();
});

/** Real accounts: queue work references its users by foreign key (migration …_integrity_constraints). */
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

async function makeQueue(n: number, capacity: number, extra: { onlyForUserId?: string }[] = []) {
  const queueId = randomUUID();
  const ids = await db().$transaction((tx) =>
    createQueueItems(tx, {
      queueId,
      seed: "queue-test",
      items: [...Array.from({ length: n }, () => ({ capacity })), ...extra.map((e) => ({ capacity, ...e }))],
    }),
  );
  return { queueId, ids };
}

/** Submit plus a payload row in one transaction, as a feature's review service does. */
async function submitWithPayload(client: TQueueClient, assignmentId: string, userId: string) {
  return client.$transaction(async (tx) => {
    const r = await submitAssignment(tx, { assignmentId, userId });
    if (r === "submitted") {
      await tx.idempotencyKey.create({
        data: { key: assignmentId, userId, scope: "queue-test", status: 201, response: {} },
      });
    }
    return r;
  }, QUEUE_TX_OPTIONS);
}

async function expireLease(assignmentId: string) {
  await db()
    .$executeRaw`UPDATE "QueueAssignment" SET "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') - interval '1 minute' WHERE id = ${assignmentId}::uuid`;
}

describe("createQueueItems", () => {
  it("returns ids in input order with a seeded, reproducible permutation of positions", async () => {
    const a = await makeQueue(30, 2);
    const b = await makeQueue(30, 2);
    const posA = await db().queueItem.findMany({ where: { queueId: a.queueId } });
    const posB = await db().queueItem.findMany({ where: { queueId: b.queueId } });
    const byId = (rows: typeof posA, ids: string[]) =>
      ids.map((id) => rows.find((r) => r.id === id)?.position);
    const orderA = byId(posA, a.ids);
    expect(orderA).toEqual(byId(posB, b.ids));
    expect([...orderA].sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(orderA).not.toEqual(Array.from({ length: 30 }, (_, i) => i));
  });
});

describe("claimNextItem under concurrency", () => {
  it("40 concurrent reviewers on separate pools, capacity 2: never over-assigned, no repeats, each submit stored once", async () => {
    const { queueId } = await makeQueue(30, 2);
    const pools = [instance(), instance(), instance(), instance()];
    const users = await makeUsers(40);
    const acknowledged: string[] = [];
    const seenByUser = new Map<string, string[]>();
    let maxActive = 0;

    await Promise.all(
      users.map(async (userId, u) => {
        const client = pools[u % pools.length] as PrismaClient;
        for (let round = 0; round < 40; round++) {
          const claim = await claimNextItem({ queueId, userId, leaseMinutes: 30, client });
          if (!claim) return;
          expect(claim.resumed).toBe(false);
          seenByUser.set(userId, [...(seenByUser.get(userId) ?? []), claim.itemId]);
          const active = await client.$queryRaw<{ n: number }[]>`
            SELECT max(c)::int AS n FROM (SELECT count(*) AS c FROM "QueueAssignment"
             WHERE "queueId" = ${queueId}::uuid AND status IN ('LEASED', 'SUBMITTED') GROUP BY "itemId") t`;
          maxActive = Math.max(maxActive, active[0]?.n ?? 0);
          if ((u + round) % 7 === 3) {
            expect(await releaseAssignment(userId, claim.assignmentId, client)).toBe(true);
            continue;
          }
          // A double submit from a flaky network: one is stored, the other sees it.
          const results = await Promise.all([
            submitWithPayload(client, claim.assignmentId, userId),
            submitWithPayload(client, claim.assignmentId, userId),
          ]);
          expect([...results].sort()).toEqual(["already_submitted", "submitted"]);
          acknowledged.push(claim.assignmentId);
        }
      }),
    );

    // A slot freed by a skip at the very end reopens after the others were told "nothing left";
    // reviewers who come back later take it. Then every item is complete.
    for (const userId of users) {
      for (;;) {
        const claim = await claimNextItem({ queueId, userId, leaseMinutes: 30 });
        if (!claim) break;
        seenByUser.set(userId, [...(seenByUser.get(userId) ?? []), claim.itemId]);
        expect(await submitWithPayload(db(), claim.assignmentId, userId)).toBe("submitted");
        acknowledged.push(claim.assignmentId);
      }
    }

    expect(maxActive).toBeLessThanOrEqual(2);
    for (const items of seenByUser.values()) expect(new Set(items).size).toBe(items.length);
    const perItem = await db().queueAssignment.groupBy({
      by: ["itemId"],
      where: { queueId, status: "SUBMITTED" },
      _count: true,
    });
    expect(perItem).toHaveLength(30);
    for (const row of perItem) expect(row._count).toBe(2);
    const items = await db().queueItem.findMany({ where: { queueId } });
    for (const it of items) {
      expect(it.completedSlots).toBe(2);
      expect(it.claimedSlots).toBe(2);
    }
    expect(acknowledged).toHaveLength(60);
    const payloads = await db().idempotencyKey.findMany({ where: { scope: "queue-test" } });
    expect(payloads.map((p) => p.key).sort()).toEqual([...acknowledged].sort());
    const progress = await queueProgress(queueId);
    expect(progress).toMatchObject({
      items: 30,
      slots: 60,
      claimedSlots: 60,
      completedSlots: 60,
      completeItems: 30,
    });
    expect(progress.perUser.reduce((s, p) => s + p.submitted, 0)).toBe(60);
  });

  it("two app instances (independent clients) serve one queue as one", async () => {
    const { queueId } = await makeQueue(20, 1);
    const [a, b] = [instance(), instance()] as [PrismaClient, PrismaClient];
    const users = await makeUsers(10);
    await Promise.all(
      users.map(async (userId, i) => {
        for (;;) {
          // Each request may land on either instance.
          const claim = await claimNextItem({ queueId, userId, leaseMinutes: 30, client: i % 2 ? a : b });
          if (!claim) return;
          await submitWithPayload(i % 2 ? b : a, claim.assignmentId, userId);
        }
      }),
    );
    const perItem = await db().queueAssignment.groupBy({
      by: ["itemId"],
      where: { queueId, status: "SUBMITTED" },
      _count: true,
    });
    expect(perItem).toHaveLength(20);
    expect(perItem.every((r) => r._count === 1)).toBe(true);
    expect(await db().idempotencyKey.count()).toBe(20);
  });
});

describe("leases", () => {
  it("resumes the caller's unexpired lease first", async () => {
    const { queueId } = await makeQueue(5, 2);
    const [user = ""] = await makeUsers(1);
    const first = await claimNextItem({ queueId, userId: user, leaseMinutes: 30 });
    const again = await claimNextItem({ queueId, userId: user, leaseMinutes: 30 });
    expect(first?.resumed).toBe(false);
    expect(again).toMatchObject({ assignmentId: first?.assignmentId, itemId: first?.itemId, resumed: true });
    expect(first?.leaseExpiresAt.getTime()).toBeGreaterThan(Date.now() + 25 * 60_000);
    expect((await queueProgress(queueId)).claimedSlots).toBe(1);
  });

  it("an expired lease returns the item to the queue; the late submit then gets 409 and keeps the draft", async () => {
    const { queueId, ids } = await makeQueue(1, 1);
    const [alice = "", bob = ""] = await makeUsers(2);
    const a = await claimNextItem({ queueId, userId: alice, leaseMinutes: 30 });
    expect(a?.itemId).toBe(ids[0]);
    expect(await claimNextItem({ queueId, userId: bob, leaseMinutes: 30 })).toBeNull();
    await saveAssignmentDraft(alice, a?.assignmentId ?? "", { verdict: "reject" });
    await expireLease(a?.assignmentId ?? "");

    const b = await claimNextItem({ queueId, userId: bob, leaseMinutes: 30 });
    expect(b?.itemId).toBe(ids[0]);
    expect((await db().queueAssignment.findUniqueOrThrow({ where: { id: a?.assignmentId } })).status).toBe(
      "EXPIRED",
    );
    await expect(submitWithPayload(db(), a?.assignmentId ?? "", alice)).rejects.toMatchObject({
      code: "CONFLICT",
      status: 409,
    });
    const kept = await db().queueAssignment.findUniqueOrThrow({ where: { id: a?.assignmentId } });
    expect(kept.draft).toEqual({ verdict: "reject" });
    expect(await submitWithPayload(db(), b?.assignmentId ?? "", bob)).toBe("submitted");
    expect(await db().queueItem.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({
      claimedSlots: 1,
      completedSlots: 1,
    });
  });

  it("a submit past expiry succeeds while nobody took the slot (reaped or not)", async () => {
    const { queueId } = await makeQueue(2, 1);
    const [alice = "", bob = ""] = await makeUsers(2);
    const a = await claimNextItem({ queueId, userId: alice, leaseMinutes: 30 });
    await expireLease(a?.assignmentId ?? "");
    expect(await submitWithPayload(db(), a?.assignmentId ?? "", alice)).toBe("submitted");

    const a2 = await claimNextItem({ queueId, userId: alice, leaseMinutes: 30 });
    await expireLease(a2?.assignmentId ?? "");
    // Bob's claim reaps Alice's stale lease and takes the freed slot, then skips it.
    const b = await claimNextItem({ queueId, userId: bob, leaseMinutes: 30 });
    expect(b?.itemId).toBe(a2?.itemId);
    await releaseAssignment(bob, b?.assignmentId ?? "");
    // Reaped and the slot is free again: Alice's late submit takes it back.
    expect(await submitWithPayload(db(), a2?.assignmentId ?? "", alice)).toBe("submitted");
    expect(await db().queueItem.findUniqueOrThrow({ where: { id: a2?.itemId } })).toMatchObject({
      claimedSlots: 1,
      completedSlots: 1,
    });
  });

  it("skip frees the slot and the item is not offered to the same person again", async () => {
    const { queueId } = await makeQueue(2, 1);
    const [alice = "", bob = ""] = await makeUsers(2);
    const first = await claimNextItem({ queueId, userId: alice, leaseMinutes: 30 });
    expect(await releaseAssignment(alice, first?.assignmentId ?? "")).toBe(true);
    expect(await releaseAssignment(alice, first?.assignmentId ?? "")).toBe(false);
    const second = await claimNextItem({ queueId, userId: alice, leaseMinutes: 30 });
    expect(second?.itemId).not.toBe(first?.itemId);
    const b = await claimNextItem({ queueId, userId: bob, leaseMinutes: 30 });
    expect(b?.itemId).toBe(first?.itemId);
  });

  it("someone else's assignment is not found; onlyForUserId items go to that person only", async () => {
    const [owner = "", stranger = ""] = await makeUsers(2);
    const { queueId } = await makeQueue(0, 1, [{ onlyForUserId: owner }]);
    expect(await claimNextItem({ queueId, userId: stranger, leaseMinutes: 30 })).toBeNull();
    const mine = await claimNextItem({ queueId, userId: owner, leaseMinutes: 30 });
    expect(mine).not.toBeNull();
    await expect(submitWithPayload(db(), mine?.assignmentId ?? "", stranger)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(saveAssignmentDraft(stranger, mine?.assignmentId ?? "", {})).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

// defineQueueFeature is what enforces the queue protocol: a minimal feature defined here, with a
// queue of its own kept in memory and none of the claim/draft/skip/submit flow written by it, gets
// 204 when empty, the 409s of a paused or closed queue, the ownership 404s, its draft saved, its
// skip's audit row in the release's transaction and its submit around queue_submit.
import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/prisma";
import { sql } from "@/lib/db/sql";
import { AppError, notFound } from "@/lib/errors/app-error";
import { createQueueItems } from "@/lib/queue";
import { defineQueueFeature } from "@/lib/queue/define-queue-feature";
import { defineAssignmentRoutes, defineClaimRoute } from "@/lib/queue/feature-routes";
import type { TQueueStatus } from "@/lib/queue/queue-feature";
import { apiCaller } from "../support/api-caller";
import { ctx } from "../support/factories";
import { resetDatabase } from "../support/db";

const queues = new Map<string, { status: TQueueStatus; leaseMinutes: number }>();
let failSkipRecord = false;

const fake = defineQueueFeature({
  tag: "Fake",
  permission: "audits:review",
  claimPath: "/api/v1/fake/:id/assignments/next",
  claimSummary: "Claim a fake item",
  viewDescription: "{ assignmentId, itemId }",
  unknownQueue: "Unknown fake queue",
  statusMessage: { PAUSED: "The fake queue is paused", CLOSED: "The fake queue is closed" },
  async assignmentQueue(userId, assignmentId, client) {
    const a = await client.queueAssignment.findFirst({
      where: { id: assignmentId, userId },
      select: { queueId: true },
    });
    return a && queues.has(a.queueId) ? a.queueId : null;
  },
  title: (_user, queueId) => Promise.resolve(`Fake ${queueId.slice(0, 4)}`),
  openQueue(_user, queueId) {
    const q = queues.get(queueId);
    if (!q) throw notFound("Fake queue");
    return Promise.resolve(q);
  },
  view: (_user, claim) => Promise.resolve({ assignmentId: claim.assignmentId, itemId: claim.itemId }),
  draft: z.object({ note: z.string() }),
  checkDraft(_own, draft) {
    if (draft.note === "off-limits")
      throw new AppError("VALIDATION", "Not here", { fieldErrors: { note: ["Not here"] } });
    return Promise.resolve();
  },
  skipRecord({ assignmentId, itemId }) {
    if (failSkipRecord) throw new AppError("CONFLICT", "The record could not be written");
    return {
      action: "audit.skip",
      entityType: "queue_assignment",
      entityId: assignmentId,
      after: { itemId },
    };
  },
  payload: z.object({ answer: z.string() }),
  submit: {
    async load(tx, { user, assignmentId }) {
      const [a] = await tx.rows<{ queueId: string }>(sql`
        SELECT "queueId" FROM "QueueAssignment" WHERE id = ${assignmentId}::uuid AND "userId" = ${user.id}::uuid`);
      const q = a && queues.get(a.queueId);
      return a && q ? { status: q.status, target: { queueId: a.queueId } } : null;
    },
    check(payload) {
      if (payload.answer === "") throw new AppError("VALIDATION", "Give an answer");
    },
    async write(tx, { user, assignmentId }, payload, _target, requestCtx) {
      await recordAudit(tx, requestCtx, {
        actorId: user.id,
        action: "audit.review",
        entityType: "queue_assignment",
        entityId: assignmentId,
        after: { answer: payload.answer },
      });
      return { written: payload.answer };
    },
    replay: () => Promise.resolve({ written: "before" }),
  },
  // The fake keeps no answer rows: a reopen is allowed while the queue is ACTIVE.
  reopen: {
    async load(tx, { user, assignmentId }) {
      const a = await tx.queueAssignment.findFirst({
        where: { id: assignmentId, userId: user.id },
        select: { queueId: true, draft: true },
      });
      const q = a && queues.get(a.queueId);
      return q
        ? { queueId: a.queueId, leaseMinutes: q.leaseMinutes, reopened: false, answer: { status: q.status } }
        : null;
    },
    refusal: (answer) =>
      answer.status === "ACTIVE" ? null : { reason: "queue_not_open", message: "Not open" },
    supersede: () => Promise.resolve({ note: "reopened" }),
    async check(client, assignmentId) {
      const a = await client.queueAssignment.findUnique({
        where: { id: assignmentId },
        select: { queueId: true },
      });
      return queues.get(a?.queueId ?? "")?.status === "ACTIVE"
        ? null
        : { reason: "queue_not_open", message: "Not open" };
    },
    reopened: () => Promise.resolve(false),
  },
  // The fake queue has no row of its own to lock (its state is the map above).
  lockQueueRow: (queueId) => sql`SELECT ${queueId}::uuid AS id`,
});
const claimRoute = defineClaimRoute(fake.spec, (user, queueId) => fake.claim(user, queueId));
const { draftRoute, skipRoute, submitRoute } = defineAssignmentRoutes([fake.handle]);

async function fakeQueue(items: number, status: TQueueStatus = "ACTIVE") {
  const queueId = randomUUID();
  await db().$transaction((tx) =>
    createQueueItems(tx, {
      queueId,
      seed: "fake",
      items: Array.from({ length: items }, () => ({ capacity: 1 })),
    }),
  );
  queues.set(queueId, { status, leaseMinutes: 30 });
  return queueId;
}

const post = (body?: unknown) => ({ method: "POST", ...(body === undefined ? {} : { body }) });
const assignmentOf = (id: string) =>
  db().queueAssignment.findUniqueOrThrow({ where: { id }, select: { status: true, draft: true } });

beforeEach(async () => {
  await resetDatabase();
  queues.clear();
  failSkipRecord = false;
});
afterAll(async () => {
  await db().$disconnect();
});

describe("a queue-backed feature built by defineQueueFeature", () => {
  it("claims: 200 with its view, the same lease again, 204 when nothing is left; 409 paused or closed; 404 unknown", async () => {
    const me = await apiCaller("CLINICIAN");
    const queueId = await fakeQueue(1);
    const claim = (id: string) =>
      me.call(claimRoute, `/api/v1/fake/${id}/assignments/next`, { ...post(), params: { id } });
    const first = await claim(queueId);
    expect(first.status).toBe(200);
    const view = (await first.json()) as { assignmentId: string };
    expect(((await (await claim(queueId)).json()) as { assignmentId: string }).assignmentId).toBe(
      view.assignmentId,
    );
    await fake.submit(me.current, view.assignmentId, { answer: "yes" }, ctx());
    expect((await claim(queueId)).status).toBe(204);

    for (const status of ["PAUSED", "CLOSED"] as const) {
      const r = await claim(await fakeQueue(1, status));
      expect(r.status).toBe(409);
      expect(((await r.json()) as { detail: string }).detail).toBe(
        `The fake queue is ${status.toLowerCase()}`,
      );
    }
    expect((await claim(randomUUID())).status).toBe(404);
    expect(await db().queueAssignment.count()).toBe(1);
  });

  it("saves the draft after the feature's check; someone else's assignment is a 404", async () => {
    const me = await apiCaller("CLINICIAN");
    const other = await apiCaller("CLINICIAN");
    const queueId = await fakeQueue(1);
    const a = await fake.claim(me.current, queueId);
    if (!a) throw new Error("expected an item");
    const put = (who: typeof me, body: unknown) =>
      who.call(draftRoute, `/api/v1/assignments/${a.assignmentId}/draft`, {
        method: "PUT",
        body,
        params: { id: a.assignmentId },
      });
    expect((await put(me, { note: "half" })).status).toBe(204);
    expect((await assignmentOf(a.assignmentId)).draft).toEqual({ note: "half" });
    expect((await put(me, { note: "off-limits" })).status).toBe(422);
    expect((await put(me, { note: 3 })).status).toBe(422);
    expect((await put(other, { note: "mine" })).status).toBe(404);
    expect((await assignmentOf(a.assignmentId)).draft).toEqual({ note: "half" });
  });

  it("skips: the slot goes back with the feature's audit row, in one transaction", async () => {
    const me = await apiCaller("CLINICIAN");
    const queueId = await fakeQueue(2);
    const a = await fake.claim(me.current, queueId);
    if (!a) throw new Error("expected an item");
    const skip = () =>
      me.call(skipRoute, `/api/v1/assignments/${a.assignmentId}/skip`, {
        ...post(),
        params: { id: a.assignmentId },
      });

    // The record fails: the release is rolled back with it, so there is no skip without its row.
    failSkipRecord = true;
    expect((await skip()).status).toBe(409);
    expect((await assignmentOf(a.assignmentId)).status).toBe("LEASED");
    expect(await db().auditLog.count({ where: { action: "audit.skip" } })).toBe(0);

    failSkipRecord = false;
    expect((await skip()).status).toBe(204);
    expect((await assignmentOf(a.assignmentId)).status).toBe("RELEASED");
    const rows = await db().auditLog.findMany({ where: { action: "audit.skip" } });
    expect(rows).toMatchObject([
      {
        actorId: me.user.id,
        entityType: "queue_assignment",
        entityId: a.assignmentId,
        after: { itemId: a.itemId },
      },
    ]);
    // The skipped item is not offered again; the other one is.
    const next = await fake.claim(me.current, queueId);
    expect(next?.itemId).not.toBe(a.itemId);
  });

  it("submits around queue_submit: the feature's check first, its write once, a replay after; 409 once closed", async () => {
    const me = await apiCaller("CLINICIAN");
    const queueId = await fakeQueue(2);
    const a = await fake.claim(me.current, queueId);
    if (!a) throw new Error("expected an item");
    const submit = (id: string, body: unknown) =>
      me.call(submitRoute, `/api/v1/assignments/${id}/submit`, { ...post(body), params: { id } });

    expect((await submit(a.assignmentId, { answer: "" })).status).toBe(422);
    expect((await assignmentOf(a.assignmentId)).status).toBe("LEASED");
    const ok = await submit(a.assignmentId, { answer: "yes" });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ written: "yes" });
    expect(await (await submit(a.assignmentId, { answer: "again" })).json()).toEqual({ written: "before" });
    expect(await db().auditLog.count({ where: { action: "audit.review", entityId: a.assignmentId } })).toBe(
      1,
    );

    const b = await fake.claim(me.current, queueId);
    if (!b) throw new Error("expected a second item");
    queues.set(queueId, { status: "CLOSED", leaseMinutes: 30 });
    const closed = await submit(b.assignmentId, { answer: "late" });
    expect(closed.status).toBe(409);
    expect(((await closed.json()) as { detail: string }).detail).toBe("The fake queue is closed");
    expect((await assignmentOf(b.assignmentId)).status).toBe("LEASED");
  });
});

// Webhook upkeep (issue 11 hardening): finished outbox rows are pruned after the retention, in the
// worker's loop, without fighting other instances (SKIP LOCKED) and keeping each endpoint's recent
// history in the delivery log; and an allowlist entry naming an IPv6 address non-canonically
// matches the URL (before, "[0:0::0001]:port" never matched http://[::1]:port).
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { parseAllowedHosts } from "@/lib/webhooks/allowed-hosts";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { listDeliveries } from "@/lib/webhooks/list-deliveries";
import { KEPT_PER_ENDPOINT, pruneDeliveries } from "@/lib/webhooks/prune-deliveries";
import { runWebhookRound, startWebhookWorker } from "@/lib/webhooks/webhook-worker";
import { resetDatabase, testDatabaseUrl } from "../support/db";
import { makeEndpoint, startReceiver, type TReceiver } from "../support/webhook-receiver";

const DAY = 86_400_000;
let receivers: TReceiver[] = [];

beforeEach(async () => {
  await resetDatabase();
});
afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
});
afterAll(async () => {
  await db().$disconnect();
});

type TStatus = "PENDING" | "DELIVERED" | "FAILED";

/** Deliveries of one endpoint created `ageDays` ago, one minute apart (newest last), each with one attempt logged. */
async function deliveries(endpointId: string, n: number, status: TStatus, ageDays: number, offsetMin = 0) {
  const base = Date.now() - ageDays * DAY;
  const rows = Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    endpointId,
    event: "seed.approved",
    data: { seedId: "s", version: i },
    status,
    attempts: 1,
    createdAt: new Date(base + (offsetMin + i) * 60_000),
    deliveredAt: status === "DELIVERED" ? new Date(base + (offsetMin + i) * 60_000) : null,
  }));
  await db().webhookDelivery.createMany({ data: rows });
  await db().webhookAttempt.createMany({
    data: rows.map((r) => ({ deliveryId: r.id, attempt: 1, ok: status === "DELIVERED", durationMs: 5 })),
  });
  return rows.map((r) => r.id);
}

describe("pruning the outbox", () => {
  it("deletes finished deliveries past the retention with their log, keeping each endpoint's newest and every pending one", async () => {
    const busy = await makeEndpoint("http://127.0.0.1:9/hook");
    const quiet = await makeEndpoint("http://127.0.0.1:9/other");
    const oldFailed = await deliveries(busy.id, 5, "FAILED", 60);
    const oldPending = await deliveries(busy.id, 3, "PENDING", 50);
    const oldDelivered = await deliveries(busy.id, 80, "DELIVERED", 40);
    const recent = await deliveries(busy.id, 10, "DELIVERED", 2);
    const quietOld = await deliveries(quiet.id, 4, "DELIVERED", 90);

    // busy, newest first: 10 recent, 80 old delivered, 3 pending, 5 failed. The newest 50 stay
    // (10 recent + the 40 newest old ones); of the rest, all finished ones go, pending ones stay.
    const deleted = await pruneDeliveries(30);
    expect(deleted).toBe(40 + 5);
    const left = new Set((await db().webhookDelivery.findMany({ select: { id: true } })).map((d) => d.id));
    expect(recent.every((id) => left.has(id))).toBe(true);
    expect(oldDelivered.slice(40).every((id) => left.has(id))).toBe(true);
    expect(oldDelivered.slice(0, 40).some((id) => left.has(id))).toBe(false);
    expect(oldFailed.some((id) => left.has(id))).toBe(false);
    expect(oldPending.every((id) => left.has(id))).toBe(true);
    expect(quietOld.every((id) => left.has(id))).toBe(true);
    // Their attempt log went with them (cascade); the log page still shows a full page.
    expect(await db().webhookAttempt.count()).toBe(left.size);
    expect(await listDeliveries(busy.id)).toHaveLength(KEPT_PER_ENDPOINT);
    expect(await pruneDeliveries(30)).toBe(0);
  });

  it("skips a row another instance holds (SKIP LOCKED) instead of waiting, and takes it next time", async () => {
    const e = await makeEndpoint("http://127.0.0.1:9/hook");
    await deliveries(e.id, KEPT_PER_ENDPOINT, "DELIVERED", 1);
    const [held, other] = await deliveries(e.id, 2, "DELIVERED", 40, -10);
    const conn = new pg.Client({ connectionString: testDatabaseUrl() });
    await conn.connect();
    try {
      await conn.query("BEGIN");
      await conn.query(`SELECT id FROM "WebhookDelivery" WHERE id = $1 FOR UPDATE`, [held]);
      const started = Date.now();
      expect(await pruneDeliveries(30)).toBe(1);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await db().webhookDelivery.count({ where: { id: { in: [held!, other!] } } })).toBe(1);
      await conn.query("COMMIT");
    } finally {
      await conn.end();
    }
    expect(await pruneDeliveries(30)).toBe(1);
    expect(await db().webhookDelivery.count({ where: { id: held } })).toBe(0);
  });

  it("runs in the worker's loop with the configured retention", async () => {
    const e = await makeEndpoint("http://127.0.0.1:9/hook");
    await deliveries(e.id, KEPT_PER_ENDPOINT, "DELIVERED", 1);
    await deliveries(e.id, 7, "DELIVERED", 40, -10);
    const worker = startWebhookWorker({ allowed: () => [], retentionDays: 30, pollMs: 50 });
    try {
      const end = Date.now() + 10_000;
      while ((await db().webhookDelivery.count()) > KEPT_PER_ENDPOINT && Date.now() < end)
        await new Promise((r) => setTimeout(r, 50));
    } finally {
      await worker.stop();
    }
    expect(await db().webhookDelivery.count()).toBe(KEPT_PER_ENDPOINT);
  });
});

describe("an IPv6 allowlist entry written non-canonically", () => {
  it("matches the receiver's URL, and the delivery is sent", async () => {
    const r = await startReceiver(undefined, "::1");
    receivers.push(r);
    const port = r.hostPort.split(":").pop();
    await makeEndpoint(r.url(), ["seed.approved"]);
    await db().$transaction((tx) =>
      emitWebhookEvent(tx, {
        type: "seed.approved",
        data: { seedId: "11111111-1111-4111-8111-111111111111", version: 1 },
      }),
    );
    const allowed = () => parseAllowedHosts(`[0:0:0:0:0:0:0:0001]:${port}`);
    expect(await runWebhookRound({ allowed })).toBe(1);
    expect(r.received).toHaveLength(1);
    expect(await db().webhookDelivery.findFirstOrThrow()).toMatchObject({ status: "DELIVERED" });
  });
});

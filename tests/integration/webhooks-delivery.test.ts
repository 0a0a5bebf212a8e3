// Webhook delivery against a local receiver (issue 17 item 3): signed, retried with backoff, safe
// across a restart and across concurrent workers, disabled after repeated failures, and never sent
// where the operator did not allow (redirects included).
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { claimDueDeliveries } from "@/lib/webhooks/claim-deliveries";
import { completeDelivery } from "@/lib/webhooks/complete-delivery";
import { DELIVERY_POLICY, type TDeliveryPolicy } from "@/lib/webhooks/delivery-policy";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import type { TWebhookEvent } from "@/lib/webhooks/events";
import { verifySignature } from "@/lib/webhooks/signature";
import { runWebhookRound, startWebhookWorker } from "@/lib/webhooks/webhook-worker";
import { resetDatabase } from "../support/db";
import { allowOnly, makeEndpoint, startReceiver, type TReceiver } from "../support/webhook-receiver";

const SEED = "11111111-1111-4111-8111-111111111111";
const approved = (n = 1): TWebhookEvent => ({ type: "seed.approved", data: { seedId: SEED, version: n } });
const emit = (event: TWebhookEvent = approved()) => db().$transaction((tx) => emitWebhookEvent(tx, event));
const fast = (p: Partial<TDeliveryPolicy> = {}): Partial<TDeliveryPolicy> => ({
  backoff: { baseMs: 200, capMs: 5_000 },
  ...p,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await sleep(25);
  }
}

let receivers: TReceiver[] = [];
async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

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

describe("webhook delivery", () => {
  it("sends the outbox row signed: the receiver verifies it, deduplicates by its id, and reads ids only", async () => {
    const r = await receiver();
    const endpoint = await makeEndpoint(r.url(), ["seed.approved"], "whsec_pipeline");
    await makeEndpoint(r.url("/other"), ["study.closed"]);
    const [deliveryId] = await emit();
    // A transaction that rolls back leaves no delivery behind.
    await expect(
      db().$transaction(async (tx) => {
        await emitWebhookEvent(tx, approved(2));
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await db().webhookDelivery.count()).toBe(1);

    expect(await runWebhookRound({ allowed: allowOnly(r) })).toBe(1);
    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    expect(got.path).toBe("/hook");
    expect(got.headers["clinreview-delivery"]).toBe(deliveryId);
    expect(got.headers["clinreview-event"]).toBe("seed.approved");
    expect(got.headers["content-type"]).toBe("application/json");
    const timestamp = String(got.headers["clinreview-timestamp"]);
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(30);
    const verify = (secret: string) =>
      verifySignature({
        secret,
        timestamp,
        body: got.body,
        signature: String(got.headers["clinreview-signature"]),
        nowSeconds: Math.floor(Date.now() / 1000),
      });
    expect(verify("whsec_pipeline")).toBe(true);
    expect(verify("whsec_someone_else")).toBe(false);
    const body = JSON.parse(got.body) as Record<string, unknown>;
    expect(body).toEqual({
      id: deliveryId,
      type: "seed.approved",
      createdAt: expect.any(String) as unknown,
      data: { seedId: SEED, version: 1 },
    });

    const row = await db().webhookDelivery.findUniqueOrThrow({
      where: { id: deliveryId },
      include: { log: true },
    });
    expect(row).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, leaseOwner: null });
    expect(row.log).toEqual([
      expect.objectContaining({ attempt: 1, ok: true, statusCode: 200, errorClass: null, snippet: "ok" }),
    ]);
    expect(
      (await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).consecutiveFailures,
    ).toBe(0);
    // Delivered is done: nothing is sent again.
    expect(await runWebhookRound({ allowed: allowOnly(r) })).toBe(0);
    expect(r.received).toHaveLength(1);
  });

  it("retries a failing receiver with growing, jittered waits until it answers 2xx", async () => {
    const r = await receiver((n, _req, res) =>
      n <= 2 ? res.writeHead(500).end(`boom\n${"x".repeat(5_000)}`) : res.writeHead(204).end(),
    );
    await makeEndpoint(r.url());
    const [id] = await emit();
    // Steps of 10 s and 20 s; with the jitter's draw at 0.5 the waits are 3/4 of them.
    const worker = {
      allowed: allowOnly(r),
      policy: fast({ backoff: { baseMs: 10_000, capMs: 60_000 } }),
      random: () => 0.5,
    };

    expect(await runWebhookRound(worker)).toBe(1);
    for (const expected of [7_500, 15_000]) {
      const d = await db().webhookDelivery.findUniqueOrThrow({ where: { id }, include: { log: true } });
      const last = d.log.sort((a, b) => a.attempt - b.attempt).at(-1)!;
      expect(d.nextAttemptAt.getTime() - last.at.getTime()).toBe(expected);
      // Not due yet: a round now sends nothing.
      expect(await runWebhookRound(worker)).toBe(0);
      // Time passes (the row's clock is moved, not the test's).
      await db().webhookDelivery.update({
        where: { id },
        data: { nextAttemptAt: new Date(Date.now() - 1_000) },
      });
      expect(await runWebhookRound(worker)).toBe(1);
    }
    const done = await db().webhookDelivery.findUniqueOrThrow({ where: { id }, include: { log: true } });
    expect(done).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatusCode: 204 });
    const log = done.log.sort((a, b) => a.attempt - b.attempt);
    expect(log.map((a) => [a.ok, a.statusCode, a.errorClass])).toEqual([
      [false, 500, "http_status"],
      [false, 500, "http_status"],
      [true, 204, null],
    ]);
    // The receiver's answer is kept only as a short, printable snippet.
    expect(log[0]!.snippet!.length).toBeLessThanOrEqual(201);
    expect(log[0]!.snippet).not.toContain("\n");
    expect(new Set(r.received.map((q) => q.headers["clinreview-delivery"]))).toEqual(new Set([id]));
  });

  it("survives a restart mid-retry: a new worker instance delivers exactly once, after the dead one's lease lapses", async () => {
    const r = await receiver((n, _req, res) => res.writeHead(n === 1 ? 503 : 200).end());
    await makeEndpoint(r.url());
    const [id] = await emit();
    // A wait far longer than the test: process A can never reach the retry itself, however slowly
    // the test notices its first attempt and stops it.
    const policy = fast({ backoff: { baseMs: 60_000, capMs: 60_000 }, leaseMs: 2_000 });

    // Process A: its loop fails the first attempt, then the process stops.
    const a = startWebhookWorker({ owner: "process-a", allowed: allowOnly(r), policy, pollMs: 20 });
    await until(async () => (await db().webhookAttempt.count()) === 1);
    await a.stop();
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
      leaseOwner: null,
    });
    // The retry's time comes (the row's clock is moved, not the test's).
    await db().webhookDelivery.update({
      where: { id },
      data: { nextAttemptAt: new Date(Date.now() - 1_000) },
    });

    // Process A' restarted, claimed the retry and died mid-send: its lease holds the row.
    const [lost] = await claimDueDeliveries("process-a-restarted", 10, policy.leaseMs!);
    expect(lost?.id).toBe(id);

    // Process B (a new instance): nothing to take while the lease is live, then the retry.
    const b = startWebhookWorker({ owner: "process-b", allowed: allowOnly(r), policy, pollMs: 20 });
    await sleep(300);
    expect(r.received).toHaveLength(1);
    await until(
      async () => (await db().webhookDelivery.findUniqueOrThrow({ where: { id } })).status === "DELIVERED",
    );
    await b.stop();
    expect(r.received).toHaveLength(2);
    expect(r.received.every((q) => q.headers["clinreview-delivery"] === id)).toBe(true);

    // The dead process's late outcome, had it come back, is fenced out by the lease.
    const late = await completeDelivery(
      "process-a-restarted",
      lost!,
      { ok: false, statusCode: null, durationMs: 1, errorClass: "connection", snippet: null },
      { ...DELIVERY_POLICY, ...policy },
      () => 0.5,
    );
    expect(late).toBe("lease_lost");
    const final = await db().webhookDelivery.findUniqueOrThrow({ where: { id }, include: { log: true } });
    expect(final.status).toBe("DELIVERED");
    expect(final.log.filter((l) => l.ok)).toHaveLength(1);
  });

  it("lets two workers share the outbox without sending any delivery twice", async () => {
    const r = await receiver((_n, _req, res) => setTimeout(() => res.writeHead(200).end(), 20));
    for (let i = 0; i < 3; i++) await makeEndpoint(r.url(`/e${i}`));
    for (let i = 0; i < 10; i++) await emit(approved(i + 1));
    expect(await db().webhookDelivery.count()).toBe(30);

    // Two rounds racing for the same due rows: each row goes to one of them.
    const [x, y] = await Promise.all([
      runWebhookRound({ owner: "x", allowed: allowOnly(r), batch: 20 }),
      runWebhookRound({ owner: "y", allowed: allowOnly(r), batch: 20 }),
    ]);
    expect(x + y).toBe(30);
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(0);

    // And two running loops on what comes next.
    for (let i = 0; i < 10; i++) await emit(approved(100 + i));
    const loops = [1, 2].map((n) =>
      startWebhookWorker({ owner: `loop-${n}`, allowed: allowOnly(r), batch: 4, pollMs: 10 }),
    );
    await until(async () => (await db().webhookDelivery.count({ where: { status: "DELIVERED" } })) === 60);
    await Promise.all(loops.map((l) => l.stop()));

    const ids = r.received.map((q) => String(q.headers["clinreview-delivery"]));
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
    expect(await db().webhookAttempt.count()).toBe(60);
  });

  it("gives a delivery up after its last attempt and disables the endpoint after repeated failures (audited)", async () => {
    const r = await receiver((_n, _req, res) => res.writeHead(503).end("down"));
    const endpoint = await makeEndpoint(r.url());
    const [first] = await emit(approved(1));
    const [second] = await emit(approved(2));
    // One at a time, so the count is exact (a batch's concurrent sends all finish).
    const worker = {
      allowed: allowOnly(r),
      batch: 1,
      policy: fast({ backoff: { baseMs: 1, capMs: 1 }, maxAttempts: 2, disableAfterFailures: 3 }),
    };
    for (let i = 0; i < 6; i++) {
      await runWebhookRound(worker);
      await sleep(10);
    }
    expect(r.received).toHaveLength(3);
    const e = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(e).toMatchObject({ enabled: false, disabledReason: "failures", consecutiveFailures: 3 });
    const statuses = await db().webhookDelivery.findMany({
      select: { id: true, status: true, attempts: true },
    });
    // Two attempts each allowed: one delivery used both and failed, the other waits for the endpoint.
    expect(statuses.find((s) => s.status === "FAILED")?.attempts).toBe(2);
    expect(statuses.find((s) => s.status === "PENDING")?.attempts).toBe(1);
    expect(statuses.map((s) => s.id).sort()).toEqual([first, second].sort());
    const audit = await db().auditLog.findMany({ where: { action: "webhook.auto_disable" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: "webhook_endpoint", entityId: endpoint.id, actorId: null });
    // A disabled endpoint gets no new deliveries either.
    expect(await emit(approved(3))).toEqual([]);
  });

  it("does not follow a redirect: a 3xx is a failure and its target is never called", async () => {
    const target = await receiver();
    const r = await receiver((_n, _req, res) => res.writeHead(302, { location: target.url() }).end());
    await makeEndpoint(r.url());
    const [id] = await emit();
    await runWebhookRound({ allowed: allowOnly(r, target), policy: fast() });
    expect(r.received).toHaveLength(1);
    expect(target.received).toHaveLength(0);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "PENDING",
      lastStatusCode: 302,
      lastErrorClass: "redirect",
    });
  });

  it("never contacts a host the allowlist does not name, even one registered before the list changed", async () => {
    const allowed = await receiver();
    const other = await receiver();
    await makeEndpoint(other.url());
    await makeEndpoint(`http://localhost:${other.hostPort.split(":")[1]}/hook`);
    await emit();
    expect(await runWebhookRound({ allowed: allowOnly(allowed), policy: fast() })).toBe(2);
    expect(other.received).toHaveLength(0);
    const log = await db().webhookAttempt.findMany();
    expect(log.map((a) => a.errorClass)).toEqual(["host_not_allowed", "host_not_allowed"]);
  });

  it("bounds a receiver: a silent one times out, a flood is read only up to the cap", async () => {
    const silent = await receiver(() => {});
    const flood = await receiver((_n, _req, res) => {
      res.writeHead(200);
      res.write("y".repeat(256 * 1024));
      // Never ends: the worker must stop reading at its cap, not wait.
    });
    await makeEndpoint(silent.url());
    await makeEndpoint(flood.url());
    await emit();
    await runWebhookRound({
      allowed: allowOnly(silent, flood),
      policy: fast({ timeoutMs: 1_500, maxResponseBytes: 1024 }),
    });
    const rows = await db().webhookDelivery.findMany({ include: { endpoint: true, log: true } });
    const bySilent = rows.find((d) => d.endpoint.url === silent.url())!;
    const byFlood = rows.find((d) => d.endpoint.url === flood.url())!;
    expect(bySilent.log[0]).toMatchObject({ ok: false, errorClass: "timeout" });
    expect(bySilent.log[0]!.durationMs).toBeGreaterThanOrEqual(1_400);
    expect(byFlood).toMatchObject({ status: "DELIVERED" });
    expect(byFlood.log[0]!.durationMs).toBeLessThan(1_500);
  });
});

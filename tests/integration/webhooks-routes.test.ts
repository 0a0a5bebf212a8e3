// The webhook admin API (issue 17 item 3): admins only, the secret shown once, registration
// limited to the operator's allowlist, and the events written to the outbox in the transaction of
// seed approval, campaign close and study close.
import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOK_ALLOWED_HOSTS = "hooks.example.test,10.1.2.3:8443";
});

import { db } from "@/lib/db/prisma";
import { setCampaignStatus } from "@/lib/audits/set-campaign-status";
import { createSeed } from "@/lib/seeds/create-seed";
import { reviewSeed } from "@/lib/seeds/review-seed";
import { submitSeed } from "@/lib/seeds/submit-seed";
import { exportSeedsRoute } from "@/lib/seeds/export-route";
import { setStudyStatus } from "@/lib/studies/set-study-status";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import {
  createWebhookRoute,
  deleteWebhookRoute,
  listWebhooksRoute,
  testWebhookRoute,
  updateWebhookRoute,
  webhookDeliveriesRoute,
} from "@/lib/webhooks/routes";
import { apiCaller, type TRouteHandler } from "../support/api-caller";
import { claimAuditTask } from "../support/audit-task";
import { resetDatabase } from "../support/db";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { seedSetup } from "../support/seed-setup";
import { makeEndpoint } from "../support/webhook-receiver";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const NONE = "00000000-0000-4000-8000-0000000000cc";
const json = async <T>(res: Response) => (await res.json()) as T;
type TCreated = { webhook: { id: string; url: string; events: string[]; enabled: boolean }; secret: string };

describe("webhook routes", () => {
  it("are for admins only: researchers and clinicians are refused (anonymous callers: the attack suite)", async () => {
    const params = { id: NONE };
    const calls: [TRouteHandler, string, string, unknown?][] = [
      [listWebhooksRoute, "GET", "/api/v1/webhooks"],
      [
        createWebhookRoute,
        "POST",
        "/api/v1/webhooks",
        { url: "https://hooks.example.test/", events: ["study.closed"] },
      ],
      [updateWebhookRoute, "PATCH", `/api/v1/webhooks/${NONE}`, { enabled: false }],
      [deleteWebhookRoute, "DELETE", `/api/v1/webhooks/${NONE}`],
      [testWebhookRoute, "POST", `/api/v1/webhooks/${NONE}/test`],
      [webhookDeliveriesRoute, "GET", `/api/v1/webhooks/${NONE}/deliveries`],
    ];
    const admin = await apiCaller("ADMIN");
    const researcher = await apiCaller("RESEARCHER");
    const clinician = await apiCaller("CLINICIAN");
    for (const [route, method, url, body] of calls) {
      const init = { method, params, body };
      expect((await researcher.call(route, url, init)).status, `${method} ${url} researcher`).toBe(403);
      expect((await clinician.call(route, url, init)).status, `${method} ${url} clinician`).toBe(403);
      // Admitted: the unknown id is a 404, the list and the registration succeed.
      expect([200, 201, 404], `${method} ${url} admin`).toContain(
        (await admin.call(route, url, init)).status,
      );
    }
    expect(await db().auditLog.count({ where: { action: "permission.denied" } })).toBe(12);
  });

  it("register an allowed destination, show the secret once, and refuse other hosts as a field error", async () => {
    const admin = await apiCaller("ADMIN");
    const create = (body: unknown) =>
      admin.call(createWebhookRoute, "/api/v1/webhooks", { method: "POST", body });
    const res = await create({
      url: "https://hooks.example.test/clinreview",
      events: ["seed.approved", "seed.approved"],
    });
    expect(res.status).toBe(201);
    const created = await json<TCreated>(res);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    expect(created.webhook).toMatchObject({ events: ["seed.approved"], enabled: true });

    for (const url of [
      "https://evil.example/",
      "https://hooks.example.test:8443/",
      "https://10.1.2.3/",
      "ftp://hooks.example.test/",
    ]) {
      const refused = await create({ url, events: ["study.closed"] });
      expect(refused.status, url).toBe(422);
      const problem = await json<{ errors?: Record<string, string[]> }>(refused);
      expect(Object.keys(problem.errors ?? {}), url).toEqual(["url"]);
    }
    expect((await create({ url: "https://10.1.2.3:8443/in", events: [] })).status).toBe(422);
    expect((await create({ url: "https://10.1.2.3:8443/in", events: ["export.created"] })).status).toBe(201);
    expect(await db().webhookEndpoint.count()).toBe(2);

    const list = await json<{ webhooks: Record<string, unknown>[]; allowedHosts: string[] }>(
      await admin.call(listWebhooksRoute, "/api/v1/webhooks"),
    );
    expect(list.allowedHosts).toEqual(["hooks.example.test", "10.1.2.3:8443"]);
    expect(list.webhooks).toHaveLength(2);
    // The secret is never read back, nor written to the audit trail.
    expect(JSON.stringify(list)).not.toContain(created.secret);
    const trail = await db().auditLog.findMany({ where: { entityType: "webhook_endpoint" } });
    expect(trail.map((a) => a.action)).toEqual(["webhook.create", "webhook.create"]);
    expect(JSON.stringify(trail.map((a) => [a.before, a.after]))).not.toContain(created.secret);
  });

  it("enable, disable, test, log and delete an endpoint", async () => {
    const admin = await apiCaller("ADMIN");
    const { webhook } = await json<TCreated>(
      await admin.call(createWebhookRoute, "/api/v1/webhooks", {
        method: "POST",
        body: { url: "https://hooks.example.test/", events: ["campaign.closed"] },
      }),
    );
    const params = { id: webhook.id };
    const at = `/api/v1/webhooks/${webhook.id}`;
    const test = () => admin.call(testWebhookRoute, `${at}/test`, { method: "POST", params });

    const sent = await test();
    expect(sent.status).toBe(202);
    const { deliveryId } = await json<{ deliveryId: string }>(sent);
    expect(await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } })).toMatchObject({
      event: "webhook.test",
      data: { endpointId: webhook.id },
      status: "PENDING",
    });
    const log = await json<{ deliveries: { id: string; status: string; attempts: number }[] }>(
      await admin.call(webhookDeliveriesRoute, `${at}/deliveries`, { params }),
    );
    expect(log.deliveries).toEqual([
      expect.objectContaining({ id: deliveryId, status: "PENDING", attempts: 0 }),
    ]);

    const patch = (body: unknown) => admin.call(updateWebhookRoute, at, { method: "PATCH", params, body });
    expect((await patch({})).status).toBe(422);
    const off = await patch({ enabled: false });
    expect(off.status).toBe(200);
    expect(await json<{ enabled: boolean }>(off)).toMatchObject({ enabled: false });
    expect((await test()).status).toBe(409);
    // A failing endpoint enabled again starts its failure count afresh.
    await db().webhookEndpoint.update({
      where: { id: webhook.id },
      data: { consecutiveFailures: 20, disabledReason: "failures" },
    });
    expect(await json<unknown>(await patch({ enabled: true, events: ["study.closed"] }))).toMatchObject({
      enabled: true,
      events: ["study.closed"],
      consecutiveFailures: 0,
      disabledReason: null,
    });

    expect((await admin.call(deleteWebhookRoute, at, { method: "DELETE", params })).status).toBe(204);
    expect(await db().webhookDelivery.count()).toBe(0);
    expect((await admin.call(deleteWebhookRoute, at, { method: "DELETE", params })).status).toBe(404);
    const actions = (
      await db().auditLog.findMany({ where: { entityId: webhook.id }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual([
      "webhook.create",
      "webhook.test",
      "webhook.update",
      "webhook.update",
      "webhook.delete",
    ]);
  });
});

describe("events in the outbox", () => {
  const deliveries = () =>
    db().webhookDelivery.findMany({ select: { event: true, data: true, endpointId: true } });

  it("seed approval writes seed.approved for subscribed endpoints, with ids only", async () => {
    const { author, reviewer, fields } = await seedSetup();
    const hook = await makeEndpoint("https://hooks.example.test/", ["seed.approved"]);
    await makeEndpoint("https://hooks.example.test/b", ["study.closed"]);
    const seed = await createSeed(author, fields(), ctx());
    await submitSeed(author, seed.id, 1, ctx());
    // Asking for changes is not an approval.
    await reviewSeed(
      reviewer,
      seed.id,
      { baseVersion: 1, decision: "REQUEST_CHANGES", comment: "Say more." },
      ctx(),
    );
    expect(await deliveries()).toEqual([]);
    await submitSeed(author, seed.id, 1, ctx());
    await reviewSeed(reviewer, seed.id, { baseVersion: 1, decision: "APPROVE", comment: "" }, ctx());
    expect(await deliveries()).toEqual([
      { event: "seed.approved", endpointId: hook.id, data: { seedId: seed.id, version: 1 } },
    ]);
  });

  it("campaign close writes campaign.closed with counts; a refused close writes nothing", async () => {
    const { admin, campaignId } = await claimAuditTask({
      instruction: "Summarise the discharge letter.",
      input: "",
      output: "A short summary.",
    });
    const hook = await makeEndpoint("https://hooks.example.test/", ["campaign.closed"]);
    const dataset = await db().auditCampaign.findUniqueOrThrow({ where: { id: campaignId } });
    await setCampaignStatus(admin.current, campaignId, "close", ctx());
    await expect(setCampaignStatus(admin.current, campaignId, "close", ctx())).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await deliveries()).toEqual([
      {
        event: "campaign.closed",
        endpointId: hook.id,
        data: { campaignId, datasetId: dataset.datasetId, items: 1, currentReviews: 0 },
      },
    ]);
  });

  it("study close writes study.closed with counts", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const hook = await makeEndpoint("https://hooks.example.test/", ["study.closed", "seed.approved"]);
    const study = await db().study.create({
      data: {
        name: "S",
        title: "Study 1",
        criteria: [],
        design: "all_pairs",
        seed: "1",
        status: "ACTIVE",
        createdById: admin.id,
      },
    });
    await setStudyStatus(admin, study.id, "pause", ctx());
    expect(await deliveries()).toEqual([]);
    await setStudyStatus(admin, study.id, "close", ctx());
    expect(await deliveries()).toEqual([
      {
        event: "study.closed",
        endpointId: hook.id,
        data: { studyId: study.id, comparisons: 0, currentJudgements: 0 },
      },
    ]);
  });

  it("a stored export writes export.created with the manifest's id, rows and SHA-256", async () => {
    const hook = await makeEndpoint("https://hooks.example.test/", ["export.created"]);
    const researcher = await apiCaller("RESEARCHER");
    const res = await researcher.call(exportSeedsRoute, "/api/v1/seeds/export?format=jsonl");
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const exportId = res.headers.get("x-export-id");
    expect(await deliveries()).toEqual([
      {
        event: "export.created",
        endpointId: hook.id,
        data: {
          exportId,
          kind: "seeds.jsonl",
          rows: 0,
          bytes: bytes.length,
          sha256: createHash("sha256").update(bytes).digest("hex"),
        },
      },
    ]);
  });

  it("export.created goes to its subscribers (only enabled ones subscribed to it)", async () => {
    const hook = await makeEndpoint("https://hooks.example.test/", ["export.created"]);
    await makeEndpoint("https://hooks.example.test/b", ["seed.approved"]);
    const off = await makeEndpoint("https://hooks.example.test/c", ["export.created"]);
    await db().webhookEndpoint.update({ where: { id: off.id }, data: { enabled: false } });
    const data = { exportId: NONE, kind: "seeds", rows: 12, bytes: 3456, sha256: "a".repeat(64) };
    const ids = await db().$transaction((tx) => emitWebhookEvent(tx, { type: "export.created", data }));
    expect(ids).toHaveLength(1);
    expect(await deliveries()).toEqual([{ event: "export.created", endpointId: hook.id, data }]);
  });
});

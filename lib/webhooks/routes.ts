import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { createWebhook } from "./create-webhook";
import { deleteWebhook } from "./delete-webhook";
import { listDeliveries } from "./list-deliveries";
import { listWebhooks } from "./list-webhooks";
import { ZCreateWebhook, ZUpdateWebhook, ZWebhookParams } from "./schemas";
import { sendTestWebhook } from "./send-test-webhook";
import { updateWebhook } from "./update-webhook";

const base = { tag: "Webhooks", permission: "webhooks:manage" } as const;

export const listWebhooksRoute = defineApiRoute(
  {
    ...base,
    method: "GET",
    path: "/api/v1/webhooks",
    summary: "List webhook endpoints (never their secrets) and the allowed destination hosts",
    response: { status: 200, description: "Endpoints with their pending and failed delivery counts" },
  },
  async () => json(await listWebhooks()),
);

export const createWebhookRoute = defineApiRoute(
  {
    ...base,
    method: "POST",
    path: "/api/v1/webhooks",
    summary: "Register a webhook endpoint (its signing secret is in this answer only)",
    body: ZCreateWebhook,
    response: { status: 201, description: "The endpoint and its secret" },
  },
  async ({ user, body, ctx }) => {
    const r = await createWebhook(user, body, ctx);
    return json(
      { webhook: { ...r.webhook, createdAt: r.webhook.createdAt.toISOString() }, secret: r.secret },
      201,
    );
  },
);

export const updateWebhookRoute = defineApiRoute(
  {
    ...base,
    method: "PATCH",
    path: "/api/v1/webhooks/:id",
    summary: "Enable or disable a webhook endpoint, or change its events",
    params: ZWebhookParams,
    body: ZUpdateWebhook,
    response: { status: 200, description: "The endpoint" },
  },
  async ({ user, params, body, ctx }) => {
    const w = await updateWebhook(user, params.id, body, ctx);
    return json({ ...w, createdAt: w.createdAt.toISOString() });
  },
);

export const deleteWebhookRoute = defineApiRoute(
  {
    ...base,
    method: "DELETE",
    path: "/api/v1/webhooks/:id",
    summary: "Delete a webhook endpoint with its pending deliveries and log",
    params: ZWebhookParams,
    response: { status: 204, description: "Deleted" },
  },
  async ({ user, params, ctx }) => {
    await deleteWebhook(user, params.id, ctx);
    return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
  },
);

export const testWebhookRoute = defineApiRoute(
  {
    ...base,
    method: "POST",
    path: "/api/v1/webhooks/:id/test",
    summary: "Queue a webhook.test delivery to this endpoint",
    params: ZWebhookParams,
    response: { status: 202, description: "The test delivery's id (see the delivery log)" },
  },
  async ({ user, params, ctx }) => json(await sendTestWebhook(user, params.id, ctx), 202),
);

export const webhookDeliveriesRoute = defineApiRoute(
  {
    ...base,
    method: "GET",
    path: "/api/v1/webhooks/:id/deliveries",
    summary: "The delivery log of a webhook endpoint (newest 50, with every attempt)",
    params: ZWebhookParams,
    response: { status: 200, description: "Deliveries" },
  },
  async ({ params }) => json({ deliveries: await listDeliveries(params.id) }),
);

export const webhookRoutes = [
  listWebhooksRoute,
  createWebhookRoute,
  updateWebhookRoute,
  deleteWebhookRoute,
  testWebhookRoute,
  webhookDeliveriesRoute,
];

import { createWebhookRoute, listWebhooksRoute } from "@/lib/webhooks/routes";

export const GET = listWebhooksRoute.handle;
export const POST = createWebhookRoute.handle;

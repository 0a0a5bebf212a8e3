import { testWebhookRoute } from "@/lib/webhooks/routes";

export const POST = testWebhookRoute.handle;

import { deleteWebhookRoute, updateWebhookRoute } from "@/lib/webhooks/routes";

export const PATCH = updateWebhookRoute.handle;
export const DELETE = deleteWebhookRoute.handle;

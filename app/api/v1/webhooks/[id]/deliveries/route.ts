import { webhookDeliveriesRoute } from "@/lib/webhooks/routes";

export const GET = webhookDeliveriesRoute.handle;

import type { TDeliveryLogRow } from "@/lib/webhooks/list-deliveries";
import type { TWebhookListItem } from "@/lib/webhooks/list-webhooks";

// The admin screen's query keys and answer shapes (types only from the server: nothing runs here).
export type TWebhookList = { webhooks: TWebhookListItem[]; allowedHosts: string[] };
export type TDeliveryLog = { deliveries: TDeliveryLogRow[] };
export const webhooksKey = ["webhooks"] as const;
export const deliveriesKey = (id: string) => ["webhooks", id, "deliveries"] as const;

import { z } from "zod";
import { WEBHOOK_EVENTS } from "./events";

// Shared by the routes and the admin form (zodResolver), so it imports nothing server-side. The
// allowlist check needs the server's configuration: the service adds it as a field error on `url`.

const ZEvents = z
  .array(z.enum(WEBHOOK_EVENTS, { message: "Unknown event" }))
  .min(1, "Choose at least one event")
  .max(WEBHOOK_EVENTS.length)
  .transform((e) => [...new Set(e)]);

export const ZCreateWebhook = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Enter the receiver's URL")
    .max(2000, "At most 2,000 characters")
    .refine((u) => /^https?:\/\//i.test(u) && URL.canParse(u), "An http:// or https:// URL"),
  events: ZEvents,
  enabled: z.boolean().default(true),
});
export type TCreateWebhook = z.infer<typeof ZCreateWebhook>;

export const ZUpdateWebhook = z
  .object({ enabled: z.boolean().optional(), events: ZEvents.optional() })
  .refine((b) => b.enabled !== undefined || b.events !== undefined, "Nothing to change");
export type TUpdateWebhook = z.infer<typeof ZUpdateWebhook>;

export const ZWebhookParams = z.object({ id: z.uuid({ message: "Unknown webhook" }) });

import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What the API says about an endpoint: never its secret. */
export const WEBHOOK_VIEW_SELECT = {
  id: true,
  url: true,
  events: true,
  enabled: true,
  disabledReason: true,
  consecutiveFailures: true,
  createdAt: true,
} satisfies Prisma.WebhookEndpointSelect;

export type TWebhookView = Prisma.WebhookEndpointGetPayload<{ select: typeof WEBHOOK_VIEW_SELECT }>;

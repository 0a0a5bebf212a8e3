import "server-only";
import type { TTx } from "@/lib/db/prisma";
import type { TWebhookEvent } from "./events";

/**
 * The outbox write: one delivery row per enabled endpoint subscribed to the event, in the caller's
 * transaction, so an event that commits is delivered (the worker finds the rows) and one that rolls
 * back never is. Nothing is sent here. Returns the delivery ids. `onlyEndpointId` is the "send
 * test" button's: that endpoint, subscribed or not.
 */
export async function emitWebhookEvent(
  tx: TTx,
  event: TWebhookEvent,
  onlyEndpointId?: string,
): Promise<string[]> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: onlyEndpointId
      ? { id: onlyEndpointId, enabled: true }
      : { enabled: true, events: { has: event.type } },
    select: { id: true },
  });
  if (!endpoints.length) return [];
  const rows = await tx.webhookDelivery.createManyAndReturn({
    data: endpoints.map((e) => ({ endpointId: e.id, event: event.type, data: event.data })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

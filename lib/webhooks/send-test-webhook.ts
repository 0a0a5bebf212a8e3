import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { emitWebhookEvent } from "./emit-webhook-event";

/** The "send test" button: a webhook.test delivery for this endpoint, sent by the worker like any other. */
export async function sendTestWebhook(
  user: TCurrentUser,
  id: string,
  ctx: TRequestContext,
): Promise<{ deliveryId: string }> {
  return db().$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: { enabled: true } });
    if (!endpoint) throw notFound("Webhook");
    if (!endpoint.enabled) throw new AppError("CONFLICT", "Enable the endpoint before sending a test");
    const [deliveryId] = await emitWebhookEvent(tx, { type: "webhook.test", data: { endpointId: id } }, id);
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "webhook.test",
      entityType: "webhook_endpoint",
      entityId: id,
      after: { deliveryId: deliveryId ?? null },
    });
    return { deliveryId: deliveryId! };
  });
}

import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";

/** Deletes an endpoint with its outbox rows and log: nothing more is sent to it. */
export async function deleteWebhook(user: TCurrentUser, id: string, ctx: TRequestContext): Promise<void> {
  await db().$transaction(async (tx) => {
    const gone = await tx.webhookEndpoint.findUnique({ where: { id }, select: { url: true, events: true } });
    if (!gone) throw notFound("Webhook");
    await tx.webhookEndpoint.delete({ where: { id } });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "webhook.delete",
      entityType: "webhook_endpoint",
      entityId: id,
      before: { url: gone.url, events: gone.events },
    });
  });
}

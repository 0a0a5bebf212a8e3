import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { assertAllowedDestination } from "./allowed-destinations";
import type { TUpdateWebhook } from "./schemas";
import { WEBHOOK_VIEW_SELECT, type TWebhookView } from "./webhook-view";

/**
 * Enables, disables or changes the events. Enabling starts the failure count afresh and checks the
 * URL against today's allowlist (the operator may have narrowed it since registration).
 */
export async function updateWebhook(
  user: TCurrentUser,
  id: string,
  input: TUpdateWebhook,
  ctx: TRequestContext,
): Promise<TWebhookView> {
  return db().$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id }, select: WEBHOOK_VIEW_SELECT });
    if (!before) throw notFound("Webhook");
    if (input.enabled && !before.enabled) assertAllowedDestination(before.url);
    const after = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        ...(input.events ? { events: input.events } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled, disabledReason: null } : {}),
        ...(input.enabled && !before.enabled ? { consecutiveFailures: 0 } : {}),
      },
      select: WEBHOOK_VIEW_SELECT,
    });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "webhook.update",
      entityType: "webhook_endpoint",
      entityId: id,
      before: { enabled: before.enabled, events: before.events },
      after: { enabled: after.enabled, events: after.events },
    });
    return after;
  });
}

import "server-only";
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import type { TRequestContext } from "@/lib/http/request-context";
import { assertAllowedDestination } from "./allowed-destinations";
import type { TCreateWebhook } from "./schemas";
import { WEBHOOK_VIEW_SELECT, type TWebhookView } from "./webhook-view";

/** Registers a receiver. The secret is in this answer only: the admin copies it to the pipeline. */
export async function createWebhook(
  user: TCurrentUser,
  input: TCreateWebhook,
  ctx: TRequestContext,
): Promise<{ webhook: TWebhookView; secret: string }> {
  assertAllowedDestination(input.url);
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return db().$transaction(async (tx) => {
    const webhook = await tx.webhookEndpoint.create({
      data: { url: input.url, events: input.events, enabled: input.enabled, secret, createdById: user.id },
      select: WEBHOOK_VIEW_SELECT,
    });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "webhook.create",
      entityType: "webhook_endpoint",
      entityId: webhook.id,
      after: { url: webhook.url, events: webhook.events, enabled: webhook.enabled },
    });
    return { webhook, secret };
  });
}

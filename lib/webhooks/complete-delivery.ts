import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/prisma";
import { log } from "@/lib/log/logger";
import { retryDelayMs } from "./backoff";
import type { TClaimedDelivery } from "./claim-deliveries";
import type { TDeliveryPolicy } from "./delivery-policy";
import type { TSendOutcome } from "./send-webhook";

/**
 * Records one attempt: the log row, the delivery's new state (delivered, due again after the
 * backoff, or FAILED after the last attempt) and the endpoint's failure count, disabling it (with
 * an audit row) at the policy's limit. Fenced by the lease: a worker whose lease lapsed and was
 * taken over writes nothing (the new holder's attempt is the one that counts).
 */
export async function completeDelivery(
  owner: string,
  d: TClaimedDelivery,
  outcome: TSendOutcome,
  policy: TDeliveryPolicy,
  random: () => number,
): Promise<"delivered" | "retry" | "failed" | "lease_lost"> {
  return db().$transaction(async (tx) => {
    const last = !outcome.ok && d.attempts >= policy.maxAttempts;
    const delaySecs = outcome.ok || last ? 0 : retryDelayMs(d.attempts, policy.backoff, random()) / 1000;
    const status = outcome.ok ? "DELIVERED" : last ? "FAILED" : "PENDING";
    const updated = await tx.$executeRaw`
      UPDATE "WebhookDelivery"
         SET status = ${status}::"WebhookDeliveryStatus",
             "leaseOwner" = NULL,
             "leaseUntil" = NULL,
             "lastStatusCode" = ${outcome.statusCode},
             "lastErrorClass" = ${outcome.errorClass},
             "deliveredAt" = CASE WHEN ${outcome.ok} THEN (now() AT TIME ZONE 'UTC') END,
             "nextAttemptAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${delaySecs}::float8)
       WHERE id = ${d.id}::uuid AND "leaseOwner" = ${owner} AND status = 'PENDING'`;
    if (updated === 0) {
      log.warn("webhook delivery lease lost before its outcome was recorded", { deliveryId: d.id });
      return "lease_lost";
    }
    await tx.$executeRaw`
      INSERT INTO "WebhookAttempt" (id, "deliveryId", attempt, at, ok, "statusCode", "durationMs", "errorClass", snippet)
      VALUES (gen_random_uuid(), ${d.id}::uuid, ${d.attempts}, (now() AT TIME ZONE 'UTC'), ${outcome.ok},
              ${outcome.statusCode}, ${outcome.durationMs}, ${outcome.errorClass}, ${outcome.snippet})`;
    if (outcome.ok) {
      await tx.webhookEndpoint.update({ where: { id: d.endpointId }, data: { consecutiveFailures: 0 } });
      return "delivered";
    }
    const endpoint = await tx.webhookEndpoint.update({
      where: { id: d.endpointId },
      data: { consecutiveFailures: { increment: 1 } },
      select: { consecutiveFailures: true, enabled: true },
    });
    if (endpoint.enabled && endpoint.consecutiveFailures >= policy.disableAfterFailures) {
      await tx.webhookEndpoint.update({
        where: { id: d.endpointId },
        data: { enabled: false, disabledReason: "failures" },
      });
      await recordAudit(tx, null, {
        actorId: null,
        action: "webhook.auto_disable",
        entityType: "webhook_endpoint",
        entityId: d.endpointId,
        before: { enabled: true },
        after: {
          enabled: false,
          consecutiveFailures: endpoint.consecutiveFailures,
          lastErrorClass: outcome.errorClass,
        },
      });
      log.warn("webhook endpoint disabled after repeated failures", {
        endpointId: d.endpointId,
        failures: endpoint.consecutiveFailures,
      });
    }
    return last ? "failed" : "retry";
  });
}

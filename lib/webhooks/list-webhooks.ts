import "server-only";
import { db } from "@/lib/db/prisma";
import { describeAllowedHosts } from "./allowed-hosts";
import { allowedWebhookHosts } from "./allowed-destinations";
import { WEBHOOK_VIEW_SELECT, type TWebhookView } from "./webhook-view";

export type TWebhookListItem = Omit<TWebhookView, "createdAt"> & {
  createdAt: string;
  pending: number;
  failed: number;
};

/** Every endpoint with its outbox counts, and the allowlist the form offers as a hint. */
export async function listWebhooks(): Promise<{ webhooks: TWebhookListItem[]; allowedHosts: string[] }> {
  const [endpoints, counts] = await Promise.all([
    db().webhookEndpoint.findMany({ select: WEBHOOK_VIEW_SELECT, orderBy: { createdAt: "asc" } }),
    db().webhookDelivery.groupBy({
      by: ["endpointId", "status"],
      where: { status: { in: ["PENDING", "FAILED"] } },
      _count: { _all: true },
    }),
  ]);
  const count = (id: string, status: "PENDING" | "FAILED") =>
    counts.find((c) => c.endpointId === id && c.status === status)?._count._all ?? 0;
  return {
    webhooks: endpoints.map((e) => ({
      ...e,
      createdAt: e.createdAt.toISOString(),
      pending: count(e.id, "PENDING"),
      failed: count(e.id, "FAILED"),
    })),
    allowedHosts: describeAllowedHosts(allowedWebhookHosts()),
  };
}

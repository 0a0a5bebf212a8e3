import "server-only";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";

const PAGE = 50;

/** The delivery log of one endpoint: its newest deliveries, each with its attempts. */
export async function listDeliveries(endpointId: string) {
  const endpoint = await db().webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true } });
  if (!endpoint) throw notFound("Webhook");
  const rows = await db().webhookDelivery.findMany({
    where: { endpointId },
    orderBy: { createdAt: "desc" },
    take: PAGE,
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastStatusCode: true,
      lastErrorClass: true,
      createdAt: true,
      deliveredAt: true,
      log: {
        orderBy: { attempt: "asc" },
        select: {
          attempt: true,
          at: true,
          ok: true,
          statusCode: true,
          durationMs: true,
          errorClass: true,
          snippet: true,
        },
      },
    },
  });
  return rows.map((r) => ({
    ...r,
    nextAttemptAt: r.status === "PENDING" ? r.nextAttemptAt.toISOString() : null,
    createdAt: r.createdAt.toISOString(),
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    log: r.log.map((a) => ({ ...a, at: a.at.toISOString() })),
  }));
}
export type TDeliveryLogRow = Awaited<ReturnType<typeof listDeliveries>>[number];

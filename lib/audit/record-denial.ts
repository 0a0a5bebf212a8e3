import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TRequestContext } from "@/lib/http/request-context";
import { describeError, log } from "@/lib/log/logger";

/**
 * Denials are recorded, but a failure to record one must not turn a 403 into a 500,
 * so it is awaited and its own failure only logged.
 */
export async function recordDenial(
  userId: string | null,
  what: string,
  ctx: TRequestContext | null,
): Promise<void> {
  try {
    await db().$transaction((tx) =>
      recordAudit(tx, ctx, {
        actorId: userId,
        action: "permission.denied",
        entityType: "route",
        entityId: what.slice(0, 200),
      }),
    );
  } catch (err) {
    log.error("could not record permission denial", { requestId: ctx?.requestId, ...describeError(err) });
  }
}

import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import type { TRequestContext } from "@/lib/http/request-context";

/**
 * Throws away the caller's own autosave of a seed ("Discard mine and take theirs"), so the next
 * visit does not restore it again. Only ever the caller's row; a seed without one is a no-op.
 */
export async function discardDraft(user: TCurrentUser, id: string, ctx: TRequestContext) {
  return db().$transaction(async (tx) => {
    const { count } = await tx.seedDraft.deleteMany({ where: { seedId: id, userId: user.id } });
    if (count)
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "seed.autosave_discard",
        entityType: "seed",
        entityId: id,
      });
    return { discarded: count > 0 };
  });
}

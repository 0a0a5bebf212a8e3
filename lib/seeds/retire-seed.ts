import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { loadSeedForUpdate } from "./load-seed";

/** Admins take a seed out of use for good; it stays in history but is never exported again. */
export async function retireSeed(user: TCurrentUser, id: string, ctx: TRequestContext) {
  return db().$transaction(async (tx) => {
    const seed = await loadSeedForUpdate(tx, user, id);
    if (seed.status === "RETIRED") throw new AppError("CONFLICT", "The seed is already retired");
    await tx.seed.update({ where: { id }, data: { status: "RETIRED", retiredAt: new Date() } });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "seed.retire",
      entityType: "seed",
      entityId: id,
      before: { status: seed.status },
      after: { status: "RETIRED" },
    });
    return { id, status: "RETIRED" as const };
  });
}

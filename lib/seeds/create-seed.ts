import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import type { TRequestContext } from "@/lib/http/request-context";
import { checkTerms } from "./check-terms";
import { phiWarnings } from "./phi-findings";
import type { TSeedFields } from "./schemas";
import { seedData } from "./seed-data";
import { snapshotJson } from "./seed-snapshot";
import { seedToSnapshot } from "./seed-to-snapshot";

/** A new draft at version 1, owned by its author; possible PHI is warned about from this first save on. */
export async function createSeed(user: TCurrentUser, fields: TSeedFields, ctx: TRequestContext) {
  return db().$transaction(async (tx) => {
    await checkTerms(tx, fields);
    const seed = await tx.seed.create({
      data: { ...seedData(fields), status: "DRAFT", version: 1, authorId: user.id },
      include: { topic: true, view: true, type: true },
    });
    const after = seedToSnapshot(seed);
    const snapshot = snapshotJson(after);
    await tx.seedVersion.create({
      data: { seedId: seed.id, version: 1, snapshot, savedById: user.id, status: "DRAFT" },
    });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "seed.create",
      entityType: "seed",
      entityId: seed.id,
      after: snapshot,
    });
    return { id: seed.id, version: 1, phiWarnings: phiWarnings(after) };
  });
}

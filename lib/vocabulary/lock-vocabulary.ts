import "server-only";
import type { TTx } from "@/lib/db/prisma";

/** Serialises vocabulary writers so two admins cannot give one spelling to two terms. */
export async function lockVocabulary(tx: TTx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('clinreview.vocabulary'))`;
}

import "server-only";
import { db } from "@/lib/db/prisma";

/**
 * An import whose server died mid-file leaves its STAGING dataset behind (the catch that deletes
 * it never ran). A whole 52k-record import takes seconds, so staging rows older than this belong
 * to no running import on any instance and can go.
 */
export const ABANDONED_STAGING_MS = 60 * 60 * 1000;

export async function purgeAbandonedStaging(now = new Date()): Promise<number> {
  const { count } = await db().dataset.deleteMany({
    where: { status: "STAGING", createdAt: { lt: new Date(now.getTime() - ABANDONED_STAGING_MS) } },
  });
  return count;
}

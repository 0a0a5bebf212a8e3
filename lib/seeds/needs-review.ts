import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { hasPermission } from "@/lib/auth/permissions";
import { db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * "Needs my review", in SQL over `s` ("Seed"): submitted, written by someone else, and not yet
 * reviewed by me at its current version (a review of an earlier version does not count: the
 * author changed the text since). Who may not review seeds has an empty inbox.
 */
export function needsMyReviewSql(user: TCurrentUser): Prisma.Sql {
  if (!hasPermission(user.role, "seeds:review")) return Prisma.sql`false`;
  return Prisma.sql`(s.status = 'SUBMITTED'::"SeedStatus" AND s."authorId" <> ${user.id}::uuid
    AND NOT EXISTS (SELECT 1 FROM "SeedReview" r
                     WHERE r."seedId" = s.id AND r."reviewerId" = ${user.id}::uuid AND r.version = s.version))`;
}

/** How many seeds are in my review inbox (the home page's count, the same rule as the list). */
export async function countNeedsMyReview(user: TCurrentUser): Promise<number> {
  const rows = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Seed" s WHERE ${needsMyReviewSql(user)}`;
  return rows[0]?.n ?? 0;
}

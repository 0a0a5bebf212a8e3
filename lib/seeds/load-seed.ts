import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TTx } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What each role may see: researchers approved seeds only; drafts only by their author. */
export function visibleSeedsWhere(user: TCurrentUser): Prisma.SeedWhereInput {
  if (user.role === "RESEARCHER") return { status: "APPROVED" };
  return { OR: [{ status: { not: "DRAFT" } }, { authorId: user.id }] };
}

/** A seed the caller may see, locked FOR UPDATE when inside a writing transaction; otherwise 404. */
export async function loadSeedForUpdate(tx: TTx, user: TCurrentUser, id: string) {
  await tx.$queryRaw`SELECT id FROM "Seed" WHERE id = ${id}::uuid FOR UPDATE`;
  const seed = await tx.seed.findFirst({
    where: { AND: [{ id }, visibleSeedsWhere(user)] },
    include: { topic: true, view: true, type: true },
  });
  if (!seed) throw notFound("Seed");
  return seed;
}

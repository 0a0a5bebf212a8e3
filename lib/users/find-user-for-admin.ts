import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";

/** Locks the user row for the rest of the transaction, so concurrent admin edits serialise. */
export async function lockUser(tx: TTx, userId: string) {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "User" WHERE id = ${userId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw notFound("User");
  return tx.user.findUniqueOrThrow({ where: { id: userId } });
}

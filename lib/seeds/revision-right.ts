import "server-only";
import { hasPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TTx } from "@/lib/db/prisma";
import { forbidden } from "@/lib/errors/app-error";

export type TRevisionRight = "author" | "take_over";

/** Whether the seed's author can still revise it: an active account whose role writes seeds. */
export function canStillWrite(author: { role: TCurrentUser["role"]; status: string } | null): boolean {
  return Boolean(author && author.status === "ACTIVE" && hasPermission(author.role, "seeds:write"));
}

/**
 * Who may revise a seed. The author, as long as they may write seeds. And when the author can no
 * longer write (an admin who imported it, a disabled account), any clinician once a reviewer has
 * asked for changes: otherwise nobody could ever answer the request. Taking over makes the
 * clinician the author (the importer stays recorded as the source), so, like any author, they
 * cannot approve their own revision: a different clinician does. Null: not this caller's to revise.
 */
export async function revisionRight(
  tx: TTx,
  user: TCurrentUser,
  seed: { authorId: string; status: string },
): Promise<TRevisionRight | null> {
  if (!hasPermission(user.role, "seeds:write")) throw forbidden("Only clinicians write seeds");
  if (seed.authorId === user.id) return "author";
  if (seed.status !== "CHANGES_REQUESTED") return null;
  const author = await tx.user.findUnique({
    where: { id: seed.authorId },
    select: { role: true, status: true },
  });
  return canStillWrite(author) ? null : "take_over";
}

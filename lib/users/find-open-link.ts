import "server-only";
import { db } from "@/lib/db/prisma";
import { sha256Hex } from "@/lib/auth/api-tokens";
import type { LinkKind } from "@/lib/generated/prisma/enums";

/** For rendering the invite/reset page: only an unused, unexpired link of the right kind. */
export async function findOpenLink(token: string, kind: LinkKind) {
  if (token.length < 10 || token.length > 200) return null;
  const link = await db().accountLink.findUnique({ where: { tokenHash: sha256Hex(token) } });
  if (!link || link.kind !== kind || link.usedAt || link.expiresAt.getTime() <= Date.now()) return null;
  return link;
}

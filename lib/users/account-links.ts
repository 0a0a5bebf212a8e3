import "server-only";
import { randomBytes } from "node:crypto";
import type { TTx } from "@/lib/db/prisma";
import { sha256Hex } from "@/lib/auth/api-tokens";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { LinkKind, Role } from "@/lib/generated/prisma/enums";

export async function issueAccountLink(
  tx: TTx,
  args: { kind: LinkKind; email: string; role?: Role; userId?: string; createdById: string | null },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const hours = args.kind === "INVITE" ? env().INVITE_TTL_HOURS : env().RESET_TTL_HOURS;
  const expiresAt = new Date(Date.now() + hours * 3_600_000);
  // A new link supersedes older unused ones for the same address and purpose.
  await tx.accountLink.updateMany({
    where: { email: args.email, kind: args.kind, usedAt: null },
    data: { expiresAt: new Date() },
  });
  const link = await tx.accountLink.create({
    data: {
      kind: args.kind,
      email: args.email,
      role: args.role ?? null,
      userId: args.userId ?? null,
      createdById: args.createdById,
      tokenHash: sha256Hex(token),
      expiresAt,
    },
  });
  return { id: link.id, token, expiresAt };
}

/** Claims a link inside the caller's transaction; the conditional update makes it single-use. */
export async function consumeAccountLink(tx: TTx, token: string) {
  const link = await tx.accountLink.findUnique({ where: { tokenHash: sha256Hex(token) } });
  if (!link || link.usedAt || link.expiresAt.getTime() <= Date.now()) {
    throw new AppError(
      "GONE",
      "This link has expired or was already used. Ask an administrator for a new one.",
    );
  }
  const claimed = await tx.accountLink.updateMany({
    where: { id: link.id, usedAt: null },
    data: { usedAt: new Date() },
  });
  if (claimed.count !== 1) throw new AppError("GONE", "This link was already used.");
  return link;
}

export function linkUrl(baseUrl: string, kind: LinkKind, token: string): string {
  const path = kind === "INVITE" ? "/invite" : "/reset-password";
  return `${baseUrl.replace(/\/$/, "")}${path}/${token}`;
}

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ensureBootChecked } from "@/lib/boot/boot-gate";
import { isRefusedDemoAccount } from "@/lib/boot/demo-mode";
import { db, type TTx } from "@/lib/db/prisma";
import type { TCurrentUser } from "@/lib/auth/sessions";

const TOKEN_PATTERN = /^crv_[A-Za-z0-9_-]{43}$/;

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function generateApiToken(): { token: string; prefix: string; tokenHash: string } {
  const token = `crv_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 10), tokenHash: sha256Hex(token) };
}

export async function insertApiToken(
  tx: TTx,
  userId: string,
  name: string,
  expiresAt: Date | null,
): Promise<{ id: string; token: string; prefix: string }> {
  const { token, prefix, tokenHash } = generateApiToken();
  const row = await tx.apiToken.create({ data: { userId, name, prefix, tokenHash, expiresAt } });
  return { id: row.id, token, prefix };
}

const TOUCH_EVERY_MS = 60_000;

/**
 * Resolves a Bearer token to its owner; revoked and expired tokens, and those of a disabled
 * owner or of a demo account outside demo mode, resolve to null.
 */
export async function authenticateApiToken(token: string): Promise<TCurrentUser | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  await ensureBootChecked();
  const row = await db().apiToken.findUnique({ where: { tokenHash: sha256Hex(token) }, include: { user: true } });
  const now = Date.now();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now) || row.user.status !== "ACTIVE" || (await isRefusedDemoAccount(row.user))) {
    return null;
  }
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  const u = row.user;
  return { id: u.id, email: u.email, name: u.name, role: u.role, isDemo: u.isDemo, sessionId: null, via: "token" };
}

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ensureBootChecked } from "@/lib/boot/boot-gate";
import { isRefusedDemoAccount } from "@/lib/boot/demo-mode";
import { db, type TTx } from "@/lib/db/prisma";
import { rawRows } from "@/lib/db/raw-query";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { Role } from "@/lib/generated/prisma/enums";

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

type TTokenRow = {
  id: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  userId: string;
  email: string;
  name: string;
  role: Role;
  status: string;
  isDemo: boolean;
};

/**
 * Resolves a Bearer token to its owner; revoked and expired tokens, and those of a disabled
 * owner or of a demo account outside demo mode, resolve to null.
 */
export async function authenticateApiToken(token: string): Promise<TCurrentUser | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  await ensureBootChecked();
  // One joined read: every API request runs it (Prisma's `include` took a second round trip).
  // On the pool directly (lib/db/raw-query.ts): every API request runs it.
  const { rows } = await rawRows<TTokenRow>(
    `SELECT t.id, t."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
            t."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt", t."revokedAt" AT TIME ZONE 'UTC' AS "revokedAt",
            u.id AS "userId", u.email, u.name, u.role::text AS role, u.status::text AS status, u."isDemo"
       FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
      WHERE t."tokenHash" = $1`,
    [sha256Hex(token)],
  );
  const row = rows[0];
  const now = Date.now();
  if (
    !row ||
    row.revokedAt ||
    (row.expiresAt && row.expiresAt.getTime() <= now) ||
    row.status !== "ACTIVE" ||
    (await isRefusedDemoAccount(row))
  ) {
    return null;
  }
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  return {
    id: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    isDemo: row.isDemo,
    sessionId: null,
    via: "token",
  };
}

import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { ensureBootChecked } from "@/lib/boot/boot-gate";
import { isRefusedDemoAccount } from "@/lib/boot/demo-mode";
import { db, type TTx } from "@/lib/db/prisma";
import { rawRows } from "@/lib/db/raw-query";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TCachedToken } from "./token-cache";
import { processTokenCache, type ListenedTokenCache } from "./token-cache-process";

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
 * owner or of a demo account outside demo mode, resolve to null. A valid token's answer is kept in
 * the process's token cache (lib/auth/token-cache-process.ts) while its LISTEN connection listens,
 * so a repeated request makes no round trip; `cache` is that cache (tests pass others, as other
 * instances; null reads every time).
 */
export async function authenticateApiToken(
  token: string,
  cache: ListenedTokenCache | null = processTokenCache(),
): Promise<TCurrentUser | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  await ensureBootChecked();
  const hash = sha256Hex(token);
  const now = Date.now();
  const usable = cache?.usable ?? false;
  const hit = usable ? cache?.cache.get(hash, now) : null;
  if (hit) return answer(hash, hit, now, cache);
  // Taken before the read: a notification arriving during it makes the fill below a no-op.
  const generation = cache?.cache.generation ?? 0;
  // One joined read (Prisma's `include` took a second round trip), on the pool directly
  // (lib/db/raw-query.ts): every uncached API request runs it.
  const { rows } = await rawRows<TTokenRow>(
    `SELECT t.id, t."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt",
            t."lastUsedAt" AT TIME ZONE 'UTC' AS "lastUsedAt", t."revokedAt" AT TIME ZONE 'UTC' AS "revokedAt",
            u.id AS "userId", u.email, u.name, u.role::text AS role, u.status::text AS status, u."isDemo"
       FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
      WHERE t."tokenHash" = $1`,
    [hash],
  );
  const row = rows[0];
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now) || row.status !== "ACTIVE") {
    return null;
  }
  const entry: TCachedToken = {
    tokenId: row.id,
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    isDemo: row.isDemo,
    expiresAt: row.expiresAt?.getTime() ?? null,
    lastUsedAt: row.lastUsedAt?.getTime() ?? null,
    readAt: now,
  };
  if (usable && cache?.usable) cache.cache.set(hash, entry, generation);
  return answer(hash, entry, now, cache);
}

async function answer(
  hash: string,
  t: TCachedToken,
  now: number,
  cache: ListenedTokenCache | null,
): Promise<TCurrentUser | null> {
  if (await isRefusedDemoAccount(t)) return null;
  if (t.lastUsedAt === null || now - t.lastUsedAt > TOUCH_EVERY_MS) {
    // Recorded first: concurrent requests of one token do not all touch it.
    cache?.cache.touched(hash, now);
    await db().apiToken.update({ where: { id: t.tokenId }, data: { lastUsedAt: new Date(now) } });
  }
  return {
    id: t.userId,
    email: t.email,
    name: t.name,
    role: t.role,
    isDemo: t.isDemo,
    sessionId: null,
    via: "token",
  };
}

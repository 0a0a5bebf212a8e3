import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { forgetCachedTokens } from "@/lib/auth/token-cache-process";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { releaseLoginAttempt, reserveLoginAttempt } from "@/lib/auth/rate-limit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";

export async function changeOwnPassword(
  user: TCurrentUser,
  input: { current: string; password: string },
  ctx: TRequestContext,
): Promise<{ otherSessionsRevoked: number }> {
  const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
  // Throttled like sign-in, on the same counters: a stolen session must not become an unlimited
  // password oracle. Counted as a failure unless the password turns out right.
  const attempt = await reserveLoginAttempt(row.email, ctx.ip);
  if (attempt.throttled) {
    throw new AppError("RATE_LIMITED", "Too many wrong passwords. Wait a few minutes and try again.", {
      extra: attempt.retryAfterSeconds ? { retryAfterSeconds: attempt.retryAfterSeconds } : undefined,
    });
  }
  if (!(await verifyPassword(row.passwordHash, input.current))) {
    throw new AppError("VALIDATION", "Your current password is not right", {
      fieldErrors: { current: ["Your current password is not right"] },
    });
  }
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await releaseLoginAttempt(tx, row.email, ctx.ip, attempt.attemptIds);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    // Other browsers that may know the old password are signed out; this one stays.
    const r = await tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, ...(user.sessionId ? { id: { not: user.sessionId } } : {}) },
      data: { revokedAt: new Date() },
    });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "user.password_change",
      entityType: "user",
      entityId: user.id,
      after: { sessionsRevoked: r.count },
    });
    return { otherSessionsRevoked: r.count };
  });
}

export async function createOwnApiToken(
  user: TCurrentUser,
  input: { name: string; expiresInDays: number },
  ctx: TRequestContext,
): Promise<{ id: string; token: string; expiresAt: Date | null }> {
  const expiresAt = input.expiresInDays > 0 ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return db().$transaction(async (tx) => {
    const t = await insertApiToken(tx, user.id, input.name, expiresAt);
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "token.create",
      entityType: "api_token",
      entityId: t.id,
      after: { name: input.name, prefix: t.prefix, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { id: t.id, token: t.token, expiresAt };
  });
}

export async function revokeOwnApiToken(
  user: TCurrentUser,
  tokenId: string,
  ctx: TRequestContext,
): Promise<void> {
  await db().$transaction(async (tx) => {
    // Scoped to the owner in the WHERE: someone else's token id is simply not found.
    const r = await tx.apiToken.updateMany({
      where: { id: tokenId, userId: user.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (r.count === 0) throw notFound("Token");
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "token.revoke",
      entityType: "api_token",
      entityId: tokenId,
    });
  });
  // This instance at once; the others on the commit's notification (lib/auth/token-cache-process.ts).
  forgetCachedTokens({ tokenId });
}

export async function revokeOwnSession(
  user: TCurrentUser,
  sessionId: string,
  ctx: TRequestContext,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const r = await tx.session.updateMany({
      where: { id: sessionId, userId: user.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (r.count === 0) throw notFound("Session");
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "session.revoke",
      entityType: "session",
      entityId: sessionId,
    });
  });
}

export async function listOwnApiTokens(userId: string) {
  return db().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
    },
  });
}

export async function listOwnSessions(userId: string) {
  return db().session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, ip: true, userAgent: true },
  });
}

import "server-only";
import { ensureBootChecked } from "@/lib/boot/boot-gate";
import { isRefusedDemoAccount } from "@/lib/boot/demo-mode";
import { db, type TTx } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import type { TRequestContext } from "@/lib/http/request-context";
import type { Role } from "@/lib/generated/prisma/enums";

export type TCurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  isDemo: boolean;
  sessionId: string | null;
  via: "session" | "token";
};

// Writing lastSeenAt on every request would turn every page view into a write.
const TOUCH_EVERY_MS = 30_000;

export async function createSession(tx: TTx, userId: string, ctx: TRequestContext | null): Promise<string> {
  const session = await tx.session.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + env().SESSION_MAX_HOURS * 3_600_000),
      ip: ctx?.ip ?? null,
      userAgent: ctx?.userAgent ?? null,
    },
  });
  return session.id;
}

/** Checks the session row behind a JWT: revoked, expired, idle, a disabled user or a demo account outside demo mode all sign out. */
export async function validateSession(sessionId: string): Promise<TCurrentUser | null> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  await ensureBootChecked();
  const now = Date.now();
  const s = await db().session.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!s || s.revokedAt || s.user.status !== "ACTIVE" || (await isRefusedDemoAccount(s.user))) return null;
  const idleLimit = env().SESSION_IDLE_MINUTES * 60_000;
  if (s.expiresAt.getTime() <= now || s.lastSeenAt.getTime() + idleLimit <= now) {
    await db().session.updateMany({
      where: { id: s.id, revokedAt: null },
      data: { revokedAt: new Date(now) },
    });
    return null;
  }
  if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db().session.updateMany({
      where: { id: s.id, lastSeenAt: { lt: new Date(now - TOUCH_EVERY_MS) } },
      data: { lastSeenAt: new Date(now) },
    });
  }
  const u = s.user;
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    isDemo: u.isDemo,
    sessionId: s.id,
    via: "session",
  };
}

export async function revokeSession(tx: TTx, sessionId: string): Promise<void> {
  await tx.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeAllSessions(tx: TTx, userId: string): Promise<number> {
  const r = await tx.session.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return r.count;
}

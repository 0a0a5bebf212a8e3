import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { typedAddressJson } from "@/lib/audit/typed-address";
import { ensureBootChecked } from "@/lib/boot/boot-gate";
import { isRefusedDemoAccount } from "@/lib/boot/demo-mode";
import { verifyPassword } from "@/lib/auth/password";
import { releaseLoginAttempt, reserveLoginAttempt } from "@/lib/auth/rate-limit";
import { createSession } from "@/lib/auth/sessions";
import { ZEmail } from "@/lib/auth/schemas";
import type { TRequestContext } from "@/lib/http/request-context";

export type TSignInResult =
  { ok: true; userId: string; sessionId: string } | { ok: false; reason: "invalid" | "throttled" };

/**
 * Unknown e-mail, wrong password, disabled account and a demo account outside demo mode all
 * answer "invalid", after the same argon2 work, so the answer tells an attacker nothing about
 * which accounts exist.
 */
export async function signInWithPassword(
  input: { email: unknown; password: unknown },
  ctx: TRequestContext,
): Promise<TSignInResult> {
  await ensureBootChecked();
  const email = ZEmail.safeParse(input.email);
  const password = typeof input.password === "string" ? input.password.slice(0, 256) : "";
  const emailKey = email.success
    ? email.data
    : (typeof input.email === "string" ? input.email : "").slice(0, 254).toLowerCase();

  // Counted as a failure from here on unless the password turns out right (see rate-limit.ts).
  const attempt = await reserveLoginAttempt(emailKey, ctx.ip);
  if (attempt.throttled) {
    await db().$transaction(async (tx) => {
      const known = email.success
        ? await tx.user.findUnique({ where: { email: email.data }, select: { id: true } })
        : null;
      await recordAudit(tx, ctx, {
        actorId: null,
        action: "auth.login_throttled",
        entityType: "user",
        entityId: null,
        after: typedAddressJson(emailKey, known?.id ?? null),
      });
    });
    return { ok: false, reason: "throttled" };
  }

  const user = email.success ? await db().user.findUnique({ where: { email: email.data } }) : null;
  const valid = await verifyPassword(user?.passwordHash, password);
  const demoRefused = await isRefusedDemoAccount(user);

  if (!user || !valid || user.status !== "ACTIVE" || demoRefused) {
    await db().$transaction(async (tx) => {
      await recordAudit(tx, ctx, {
        actorId: null,
        action: "auth.login_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        // For the operator, never in the answer: who added a demo account to a real database?
        after: {
          ...typedAddressJson(emailKey, user?.id ?? null),
          ...(demoRefused ? { demoAccount: true } : {}),
        },
      });
    });
    return { ok: false, reason: "invalid" };
  }

  const sessionId = await db().$transaction(async (tx) => {
    await releaseLoginAttempt(tx, emailKey, ctx.ip, attempt.attemptIds);
    const sid = await createSession(tx, user.id, ctx);
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "auth.login",
      entityType: "session",
      entityId: sid,
    });
    return sid;
  });
  return { ok: true, userId: user.id, sessionId };
}

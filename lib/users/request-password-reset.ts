import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { lockRateKeys } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { issueAccountLink, linkUrl } from "@/lib/users/account-links";
import { mailConfigured, sendMail } from "@/lib/users/send-mail";

import type { ZRequestPasswordReset } from "@/lib/users/schemas";

export const RESET_REQUESTED_MESSAGE =
  "If an account exists for that address, we sent it a link to choose a new password.";
// Counted in LoginFailure under their own prefix, so they never lock anyone out of signing in.
export const RESET_LIMITS = { perEmail: 3, perIp: 20, windowMinutes: 60 } as const;
const emailKey = (email: string) => `reset:acct:${email}`;
const ipKey = (ip: string) => `reset:ip:${ip}`;

/**
 * Self-service reset. Every address gets the same answer and the same work in the database (the
 * mail is sent after responding), so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(
  input: z.infer<typeof ZRequestPasswordReset>,
  ctx: TRequestContext,
  baseUrl: string,
) {
  if (!mailConfigured())
    throw new AppError("NOT_FOUND", "Password reset by e-mail is not available. Ask an administrator.");
  const keys = [emailKey(input.email), ...(ctx.ip ? [ipKey(ctx.ip)] : [])];
  const since = new Date(Date.now() - RESET_LIMITS.windowMinutes * 60_000);
  const issued = await db().$transaction(async (tx) => {
    // Concurrent requests would otherwise all count the same rows and all pass the limit.
    await lockRateKeys(tx, keys);
    // Sequential: a transaction is one connection, which runs one query at a time anyway.
    const perEmail = await tx.loginFailure.count({
      where: { key: emailKey(input.email), createdAt: { gte: since } },
    });
    const perIp = ctx.ip
      ? await tx.loginFailure.count({ where: { key: ipKey(ctx.ip), createdAt: { gte: since } } })
      : 0;
    if (perEmail >= RESET_LIMITS.perEmail || perIp >= RESET_LIMITS.perIp) {
      await recordAudit(tx, ctx, {
        actorId: null,
        action: "user.reset_throttled",
        entityType: "user",
        after: { perEmail, perIp },
      });
      return "throttled" as const;
    }
    await tx.loginFailure.deleteMany({ where: { key: { in: keys }, createdAt: { lt: since } } });
    await tx.loginFailure.createMany({ data: keys.map((key) => ({ key })) });
    const user = await tx.user.findUnique({ where: { email: input.email } });
    const eligible = user && user.status === "ACTIVE" && !user.pseudonymisedAt ? user : null;
    await recordAudit(tx, ctx, {
      actorId: eligible?.id ?? null,
      action: "user.reset_requested",
      entityType: "user",
      entityId: eligible?.id ?? null,
      after: { accountFound: Boolean(eligible) },
    });
    if (!eligible) return null;
    const link = await issueAccountLink(tx, {
      kind: "RESET",
      email: eligible.email,
      userId: eligible.id,
      createdById: null,
    });
    return { ...link, email: eligible.email };
  });
  if (issued === "throttled")
    throw new AppError("RATE_LIMITED", "Too many reset requests. Please try again in an hour.");
  if (issued) {
    const url = linkUrl(baseUrl, "RESET", issued.token);
    // Not awaited: the answer must not take longer when an account exists. sendMail never throws.
    void sendMail(
      issued.email,
      "Reset your ClinReview password",
      `Choose a new password here (valid until ${issued.expiresAt.toISOString()}):\n\n${url}\n\nIf you did not ask for this, ignore this e-mail.\n`,
    );
  }
  return { message: RESET_REQUESTED_MESSAGE };
}

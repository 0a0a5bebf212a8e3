import "server-only";
import { forgetAccountFailures } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { revokeAllSessions, type TCurrentUser } from "@/lib/auth/sessions";
import { forgetCachedTokens } from "@/lib/auth/token-cache-process";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import type { TRequestContext } from "@/lib/http/request-context";
import { lockUser } from "@/lib/users/find-user-for-admin";
import { userAuditJson } from "@/lib/users/user-json";
import { issueAccountLink, linkUrl } from "@/lib/users/account-links";
import { sendMail } from "@/lib/users/send-mail";
import type { TTx } from "@/lib/db/prisma";

async function assertAnotherAdminRemains(tx: TTx, userId: string) {
  const others = await tx.user.count({ where: { role: "ADMIN", status: "ACTIVE", id: { not: userId } } });
  if (others === 0)
    throw new AppError("CONFLICT", "This is the last active admin: make someone else admin first.");
}

export async function changeUserRole(actor: TCurrentUser, userId: string, role: Role, ctx: TRequestContext) {
  const changed = await db().$transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (before.role === role) return before;
    if (before.role === "ADMIN") await assertAnotherAdminRemains(tx, userId);
    const after = await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, ctx, {
      actorId: actor.id,
      action: "user.role_change",
      entityType: "user",
      entityId: userId,
      before: { role: before.role },
      after: { role: after.role },
    });
    return after;
  });
  // This instance at once; the others on the commit's notification (lib/auth/token-cache-process.ts).
  forgetCachedTokens({ userId });
  return changed;
}

export async function setUserDisabled(
  actor: TCurrentUser,
  userId: string,
  disabled: boolean,
  ctx: TRequestContext,
) {
  const changed = await db().$transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (disabled && before.role === "ADMIN") await assertAnotherAdminRemains(tx, userId);
    if (before.pseudonymisedAt && !disabled)
      throw new AppError("CONFLICT", "A pseudonymised account cannot be enabled again.");
    const after = await tx.user.update({
      where: { id: userId },
      data: { status: disabled ? "DISABLED" : "ACTIVE" },
    });
    const revoked = disabled ? await revokeAllSessions(tx, userId) : 0;
    // For good: enabling the account again must not bring old tokens back to life.
    const tokensRevoked = disabled
      ? (
          await tx.apiToken.updateMany({
            where: { userId, revokedAt: null },
            data: { revokedAt: new Date() },
          })
        ).count
      : 0;
    await recordAudit(tx, ctx, {
      actorId: actor.id,
      action: disabled ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: userId,
      before: { status: before.status },
      after: { status: after.status, sessionsRevoked: revoked, tokensRevoked },
    });
    return after;
  });
  forgetCachedTokens({ userId });
  return changed;
}

export async function signOutEverywhere(actor: TCurrentUser, userId: string, ctx: TRequestContext) {
  return db().$transaction(async (tx) => {
    await lockUser(tx, userId);
    const revoked = await revokeAllSessions(tx, userId);
    await recordAudit(tx, ctx, {
      actorId: actor.id,
      action: "user.sign_out_everywhere",
      entityType: "user",
      entityId: userId,
      after: { sessionsRevoked: revoked },
    });
    return revoked;
  });
}

export async function issuePasswordReset(
  actor: TCurrentUser,
  userId: string,
  ctx: TRequestContext,
  baseUrl: string,
) {
  const { token, expiresAt, email } = await db().$transaction(async (tx) => {
    const user = await lockUser(tx, userId);
    if (user.status !== "ACTIVE")
      throw new AppError("CONFLICT", "Enable the account before resetting its password.");
    const link = await issueAccountLink(tx, {
      kind: "RESET",
      email: user.email,
      userId,
      createdById: actor.id,
    });
    await recordAudit(tx, ctx, {
      actorId: actor.id,
      action: "user.reset_issued",
      entityType: "user",
      entityId: userId,
      after: { expiresAt: link.expiresAt.toISOString() },
    });
    return { ...link, email: user.email };
  });
  const url = linkUrl(baseUrl, "RESET", token);
  const mailed = await sendMail(
    email,
    "Reset your ClinReview password",
    `Set a new password here (valid until ${expiresAt.toISOString()}):\n\n${url}\n`,
  );
  return { url, expiresAt, mailed };
}

/**
 * A departed user's work stays (reviews, ratings, audit rows keep their id) but their name and
 * e-mail go. Audit rows hold only their id, so the trail shows the pseudonym from now on without
 * a single audit row changing (the trail is append-only).
 */
export async function pseudonymiseUser(actor: TCurrentUser, userId: string, ctx: TRequestContext) {
  const changed = await db().$transaction(async (tx) => {
    const before = await lockUser(tx, userId);
    if (before.pseudonymisedAt) return before;
    if (before.role === "ADMIN") await assertAnotherAdminRemains(tx, userId);
    const label = `Former user ${before.pseudonym}`;
    const after = await tx.user.update({
      where: { id: userId },
      data: {
        status: "DISABLED",
        name: label,
        email: `${before.pseudonym.toLowerCase()}@pseudonymised.invalid`,
        passwordHash: null,
        pseudonymisedAt: new Date(),
      },
    });
    await revokeAllSessions(tx, userId);
    await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await tx.accountLink.deleteMany({ where: { OR: [{ userId }, { email: before.email }] } });
    await forgetAccountFailures(tx, before.email);
    await recordAudit(tx, ctx, {
      actorId: actor.id,
      action: "user.pseudonymise",
      entityType: "user",
      entityId: userId,
      before: { status: before.status },
      after: userAuditJson(after),
    });
    return after;
  });
  forgetCachedTokens({ userId });
  return changed;
}

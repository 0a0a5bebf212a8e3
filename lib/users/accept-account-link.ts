import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { revokeAllSessions } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { consumeAccountLink } from "@/lib/users/account-links";
import { newPseudonym } from "@/lib/users/pseudonym";

/** Completes an invitation (creates the account) or a reset (sets a new password, signs out everywhere). */
export async function acceptAccountLink(
  input: { token: string; name?: string; password: string },
  ctx: TRequestContext,
): Promise<{ email: string; kind: "INVITE" | "RESET" }> {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const link = await consumeAccountLink(tx, input.token);
    if (link.kind === "INVITE") {
      if (!input.name)
        throw new AppError("VALIDATION", "Enter your name", { fieldErrors: { name: ["Enter your name"] } });
      if (!link.role) throw new AppError("GONE", "This invitation is incomplete. Ask for a new one.");
      const taken = await tx.user.findUnique({ where: { email: link.email } });
      if (taken)
        throw new AppError(
          "CONFLICT",
          "An account with this e-mail address already exists. Sign in instead.",
        );
      const user = await tx.user.create({
        data: {
          email: link.email,
          name: input.name,
          role: link.role,
          passwordHash,
          pseudonym: newPseudonym(),
          passwordChangedAt: new Date(),
        },
      });
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "user.invite_accepted",
        entityType: "user",
        entityId: user.id,
        after: { userId: user.id, role: user.role, invitationId: link.id },
      });
      return { email: user.email, kind: "INVITE" as const };
    }
    const user = link.userId ? await tx.user.findUnique({ where: { id: link.userId } }) : null;
    if (!user || user.status !== "ACTIVE") throw new AppError("GONE", "This account is not active.");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
    const revoked = await revokeAllSessions(tx, user.id);
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "user.password_reset",
      entityType: "user",
      entityId: user.id,
      after: { sessionsRevoked: revoked },
    });
    return { email: user.email, kind: "RESET" as const };
  });
}

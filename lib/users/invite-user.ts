import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { issueAccountLink, linkUrl } from "@/lib/users/account-links";
import type { TInviteUser } from "@/lib/users/schemas";
import { sendMail } from "@/lib/users/send-mail";

export async function inviteUser(
  actor: TCurrentUser,
  input: TInviteUser,
  ctx: TRequestContext,
  baseUrl: string,
) {
  const existing = await db().user.findUnique({ where: { email: input.email } });
  if (existing) {
    throw new AppError("CONFLICT", "A user with this e-mail address already exists", {
      fieldErrors: { email: ["A user with this e-mail address already exists"] },
    });
  }
  const { token, expiresAt } = await db().$transaction(async (tx) => {
    const link = await issueAccountLink(tx, {
      kind: "INVITE",
      email: input.email,
      role: input.role,
      createdById: actor.id,
    });
    await recordAudit(tx, ctx, {
      actorId: actor.id,
      action: "user.invite",
      // Keyed by the invitation, not the address: the address is shown from the invitation when read.
      entityType: "invitation",
      entityId: link.id,
      after: { role: input.role, expiresAt: link.expiresAt.toISOString() },
    });
    return link;
  });
  const url = linkUrl(baseUrl, "INVITE", token);
  const mailed = await sendMail(
    input.email,
    "You are invited to ClinReview",
    `You have been invited to ClinReview. Set your password here (valid until ${expiresAt.toISOString()}):\n\n${url}\n`,
  );
  return { url, expiresAt, mailed };
}

import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TAuditAction } from "@/lib/audit/vocabulary";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors/app-error";
import type { Role } from "@/lib/generated/prisma/enums";
import { newPseudonym } from "@/lib/users/pseudonym";

/** For operators (CLI) and demo seeding: creates an account directly, recorded as done by the system. */
export async function createUserWithPassword(
  tx: TTx,
  input: { email: string; name: string; role: Role; password: string; isDemo?: boolean },
  action: Extract<TAuditAction, `user.create_${string}`> = "user.create_cli",
): Promise<{ id: string }> {
  if (await tx.user.findUnique({ where: { email: input.email } })) {
    throw new AppError("CONFLICT", `A user with e-mail ${input.email} already exists`);
  }
  const user = await tx.user.create({
    data: {
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      isDemo: input.isDemo ?? false,
      pseudonym: newPseudonym(),
      passwordChangedAt: new Date(),
    },
  });
  await recordAudit(tx, null, {
    actorId: null,
    action,
    entityType: "user",
    entityId: user.id,
    after: { userId: user.id, role: user.role, isDemo: user.isDemo },
  });
  return { id: user.id };
}

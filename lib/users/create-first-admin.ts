import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { newPseudonym } from "@/lib/users/pseudonym";

// Any fixed key: serialises concurrent setup attempts across app instances.
const SETUP_LOCK = 7_310_001;

export async function needsSetup(): Promise<boolean> {
  return (await db().user.count({ where: { role: "ADMIN" } })) === 0;
}

/** Creates the first admin, and only while there is no admin at all. */
export async function createFirstAdmin(
  input: { name: string; email: string; password: string },
  ctx: TRequestContext,
): Promise<{ id: string }> {
  // Checked before hashing: once setup is done, an anonymous caller must not buy an argon2 hash
  // per request. Checked again under the lock below, where it decides.
  if (!(await needsSetup())) throw new AppError("CONFLICT", "Setup is already complete. Sign in instead.");
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`;
    if ((await tx.user.count({ where: { role: "ADMIN" } })) > 0) {
      throw new AppError("CONFLICT", "Setup is already complete. Sign in instead.");
    }
    if (await tx.user.findUnique({ where: { email: input.email } })) {
      throw new AppError("CONFLICT", "This e-mail address is taken", {
        fieldErrors: { email: ["This e-mail address is taken"] },
      });
    }
    const user = await tx.user.create({
      data: {
        ...{ email: input.email, name: input.name },
        role: "ADMIN",
        passwordHash,
        pseudonym: newPseudonym(),
        passwordChangedAt: new Date(),
      },
    });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "user.setup_admin",
      entityType: "user",
      entityId: user.id,
      after: { userId: user.id, role: user.role },
    });
    return { id: user.id };
  });
}

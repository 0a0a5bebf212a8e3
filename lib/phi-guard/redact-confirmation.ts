import "server-only";
import { hasPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { forbidden, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { redactWrittenTextIn, type TRedactWrittenResult } from "./redact-written-text";

export type TRedactConfirmationResult = TRedactWrittenResult & { id: string; redactedAt: Date | null };

/**
 * An admin redacts the identifier a "not PHI" confirmation let through. The confirmation row is
 * locked first, so two admins clicking at once redact once; redacting it again changes nothing.
 */
export async function redactConfirmation(
  user: TCurrentUser,
  id: string,
  ctx: TRequestContext,
): Promise<TRedactConfirmationResult> {
  if (!hasPermission(user.role, "phi:redact")) throw forbidden();
  return db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "PhiConfirmation" WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound("Confirmation");
    const c = await tx.phiConfirmation.findUniqueOrThrow({ where: { id } });
    if (c.redactedAt)
      return {
        id,
        redactedAt: c.redactedAt,
        redacted: false,
        fieldsRedacted: 0,
        draftsRedacted: 0,
        auditRowsRedacted: 0,
        confirmationsRedacted: 0,
      };
    const r = await redactWrittenTextIn(tx, ctx, user.id, {
      entityType: c.entityType,
      entityId: c.entityId,
      field: c.field,
      fingerprints: [c.fingerprint],
    });
    const after = await tx.phiConfirmation.findUniqueOrThrow({ where: { id }, select: { redactedAt: true } });
    return { id, redactedAt: after.redactedAt, ...r };
  });
}

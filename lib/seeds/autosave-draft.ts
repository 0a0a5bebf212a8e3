import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestContext } from "@/lib/http/request-context";
import { visibleSeedsWhere } from "./load-seed";
import { revisionRight } from "./revision-right";

const MAX_PAYLOAD_CHARS = 60_000;

/** Keeps the author's unsaved edits server-side; never a version, replaced by the next autosave or save. */
export async function autosaveDraft(
  user: TCurrentUser,
  id: string,
  input: { baseVersion: number; payload: Record<string, unknown> },
  ctx: TRequestContext,
) {
  const payload = JSON.parse(JSON.stringify(input.payload)) as Prisma.InputJsonObject;
  if (JSON.stringify(payload).length > MAX_PAYLOAD_CHARS)
    throw new AppError("PAYLOAD_TOO_LARGE", "The draft is too large to autosave");
  return db().$transaction(async (tx) => {
    const seed = await tx.seed.findFirst({
      where: { AND: [{ id }, visibleSeedsWhere(user)] },
      select: { authorId: true, status: true },
    });
    // The author, or a clinician about to take over a seed whose author cannot revise it.
    if (!seed || !(await revisionRight(tx, user, seed))) throw notFound("Seed");
    const draft = await tx.seedDraft.upsert({
      where: { seedId_userId: { seedId: id, userId: user.id } },
      create: { seedId: id, userId: user.id, baseVersion: input.baseVersion, payload },
      update: { baseVersion: input.baseVersion, payload },
    });
    // The audit row records that an autosave happened, not the text, which lives in the draft row.
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "seed.autosave",
      entityType: "seed",
      entityId: id,
      after: { baseVersion: input.baseVersion },
    });
    return { savedAt: draft.updatedAt.toISOString() };
  });
}

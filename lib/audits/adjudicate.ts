import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { guardWrittenText, recordPhiConfirmations } from "@/lib/phi-guard/guard-written-text";
import { flagsOf } from "./flags";
import type { ZAdjudicate } from "./schemas";

/** An admin records the final verdict (and correction) of an item, overriding the reviewers. */
export async function adjudicateItem(
  user: TCurrentUser,
  campaignId: string,
  itemId: string,
  input: z.infer<typeof ZAdjudicate>,
  ctx: TRequestContext,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const item = await tx.auditItem.findFirst({
      where: { id: itemId, campaignId },
      include: {
        campaign: { select: { flags: true } },
        record: { select: { output: true } },
        reviews: { select: { correctedOutput: true } },
      },
    });
    if (!item) throw notFound("Item");
    const allowed = new Set(flagsOf(item.campaign.flags).map((f) => f.key));
    if (input.flags.some((f) => !allowed.has(f)))
      throw new AppError("VALIDATION", "Some fields need attention", {
        fieldErrors: { flags: ["Unknown flag"] },
      });
    const output =
      input.verdict === "revise" ? (input.correctedOutput?.trim() ? input.correctedOutput : null) : null;
    // The form starts from a reviewer's correction or the model's output: only what the admin
    // changed in it needs their word that it is not PHI.
    const findings = guardWrittenText(
      [
        {
          field: "correctedOutput",
          text: output,
          baselines: [item.record.output, ...item.reviews.map((r) => r.correctedOutput)],
        },
      ],
      input.phiConfirmed,
    );
    await tx.auditItem.update({
      where: { id: itemId },
      data: {
        finalVerdict: input.verdict,
        finalFlags: [...new Set(input.flags)],
        finalOutput: output,
        adjudicatedById: user.id,
        adjudicatedAt: new Date(),
      },
    });
    await recordPhiConfirmations(tx, user.id, { entityType: "audit_item", entityId: itemId }, findings);
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "audit.adjudicate",
      entityType: "audit_item",
      entityId: itemId,
      before: { verdict: item.finalVerdict },
      after: { verdict: input.verdict },
    });
  });
}

import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { assertVocabularyManager } from "./assert-manager";
import { lockVocabulary } from "./lock-vocabulary";
import { normaliseLabel } from "./normalise-label";
import type { TRetireTerm } from "./schemas";

/**
 * Takes a term out of use: seeds that have it keep it (and are exported with it), but the editor
 * no longer offers it and imports no longer match it. With a replacement, the retired label and
 * its aliases become aliases of the replacement, so files that still use them import as that term.
 */
export async function retireTerm(user: TCurrentUser, input: TRetireTerm, ctx: TRequestContext) {
  assertVocabularyManager(user);
  return db().$transaction(async (tx) => {
    await lockVocabulary(tx);
    const term = await tx.vocabularyTerm.findFirst({ where: { id: input.termId, retiredAt: null } });
    if (!term) throw notFound("Term");
    let replacement = null;
    if (input.replacementId) {
      const target = await tx.vocabularyTerm.findFirst({
        where: { id: input.replacementId, retiredAt: null, kind: term.kind },
      });
      if (!target || target.id === term.id) {
        throw new AppError("VALIDATION", "Some fields need attention", {
          fieldErrors: { replacementId: ["Choose another live term of the same kind"] },
        });
      }
      const have = new Set([target.label, ...target.aliases].map(normaliseLabel));
      const moved = [term.label, ...term.aliases].filter((s) => !have.has(normaliseLabel(s)));
      replacement = await tx.vocabularyTerm.update({
        where: { id: target.id },
        data: { aliases: [...target.aliases, ...moved] },
      });
    }
    const seedsUsing = await tx.seed.count({
      where: { OR: [{ topicId: term.id }, { viewId: term.id }, { typeId: term.id }] },
    });
    // The moved spellings now belong to the replacement; the retired term keeps only its label.
    const retired = await tx.vocabularyTerm.update({
      where: { id: term.id },
      data: { retiredAt: new Date(), ...(replacement ? { aliases: [] } : {}) },
    });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "vocabulary.retire_term",
      entityType: "vocabulary_term",
      entityId: term.id,
      before: { label: term.label, aliases: term.aliases, retiredAt: null },
      after: {
        label: retired.label,
        aliases: retired.aliases,
        retiredAt: retired.retiredAt?.toISOString() ?? null,
        seedsKeepingIt: seedsUsing,
        replacement: replacement
          ? { id: replacement.id, label: replacement.label, aliases: replacement.aliases }
          : null,
      },
    });
    return { term: retired, replacement, seedsUsing };
  });
}

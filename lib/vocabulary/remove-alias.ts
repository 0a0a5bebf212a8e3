import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { assertVocabularyManager } from "./assert-manager";
import { lockVocabulary } from "./lock-vocabulary";
import type { TRemoveAlias } from "./schemas";

/** Drops one spelling: later imports list it as unknown again instead of mapping it. Seeds are untouched. */
export async function removeAlias(user: TCurrentUser, input: TRemoveAlias, ctx: TRequestContext) {
  assertVocabularyManager(user);
  return db().$transaction(async (tx) => {
    await lockVocabulary(tx);
    const term = await tx.vocabularyTerm.findUnique({ where: { id: input.termId } });
    if (!term || !term.aliases.includes(input.alias)) throw notFound("Alias");
    const updated = await tx.vocabularyTerm.update({
      where: { id: term.id },
      data: { aliases: term.aliases.filter((a) => a !== input.alias) },
    });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "vocabulary.remove_alias",
      entityType: "vocabulary_term",
      entityId: term.id,
      before: { aliases: term.aliases },
      after: { aliases: updated.aliases },
    });
    return updated;
  });
}

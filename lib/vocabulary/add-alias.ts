import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { conflict, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { assertVocabularyManager } from "./assert-manager";
import { createLabelLookup } from "./label-lookup";
import { listTerms } from "./list-terms";
import { lockVocabulary } from "./lock-vocabulary";
import type { TAddAlias } from "./schemas";

/**
 * Maps a spelling (typically an unknown import label) to an existing term. A retired term's spelling
 * may be given to a live term: that is how an admin sends old labels to their replacement.
 */
export async function addAlias(user: TCurrentUser, input: TAddAlias, ctx: TRequestContext) {
  assertVocabularyManager(user);
  return db().$transaction(async (tx) => {
    await lockVocabulary(tx);
    const term = await tx.vocabularyTerm.findFirst({ where: { id: input.termId, retiredAt: null } });
    if (!term) throw notFound("Term");
    const taken = createLabelLookup(await listTerms(tx)).find(term.kind, input.alias);
    if (taken?.id === term.id) return term;
    if (taken) throw conflict(`“${input.alias}” already belongs to “${taken.label}”`);
    const updated = await tx.vocabularyTerm.update({
      where: { id: term.id },
      data: { aliases: { push: input.alias } },
    });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "vocabulary.add_alias",
      entityType: "vocabulary_term",
      entityId: term.id,
      before: { aliases: term.aliases },
      after: { aliases: updated.aliases },
    });
    return updated;
  });
}

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
import type { TRestoreTerm } from "./schemas";

/** Undoes a retirement, unless a live term has since taken one of its spellings (one spelling, one term). */
export async function restoreTerm(user: TCurrentUser, input: TRestoreTerm, ctx: TRequestContext) {
  assertVocabularyManager(user);
  return db().$transaction(async (tx) => {
    await lockVocabulary(tx);
    const term = await tx.vocabularyTerm.findFirst({ where: { id: input.termId, retiredAt: { not: null } } });
    if (!term) throw notFound("Retired term");
    const lookup = createLabelLookup(await listTerms(tx));
    const clash = [term.label, ...term.aliases]
      .map((s) => ({ s, owner: lookup.find(term.kind, s) }))
      .find((c) => c.owner);
    if (clash?.owner)
      throw conflict(`“${clash.s}” now belongs to “${clash.owner.label}”: remove that alias first`);
    const restored = await tx.vocabularyTerm.update({ where: { id: term.id }, data: { retiredAt: null } });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "vocabulary.restore_term",
      entityType: "vocabulary_term",
      entityId: term.id,
      before: { retiredAt: term.retiredAt?.toISOString() ?? null },
      after: { retiredAt: null },
    });
    return restored;
  });
}

import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { conflict, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { assertVocabularyManager } from "./assert-manager";
import { lockVocabulary } from "./lock-vocabulary";
import { normaliseLabel } from "./normalise-label";
import type { TRenameTerm } from "./schemas";
import { spellingOwners } from "./spelling-owners";

/**
 * Changes a live term's canonical label. Seeds point at the term, so they (and exports) follow;
 * saved versions keep the label they were saved with. The old label stays an alias unless the
 * admin says otherwise, so files written with it still import.
 */
export async function renameTerm(user: TCurrentUser, input: TRenameTerm, ctx: TRequestContext) {
  assertVocabularyManager(user);
  return db().$transaction(async (tx) => {
    await lockVocabulary(tx);
    const term = await tx.vocabularyTerm.findFirst({ where: { id: input.termId, retiredAt: null } });
    if (!term) throw notFound("Term");
    if (term.label === input.label) return term;
    const owners = await spellingOwners(tx);
    const live = owners.live(term.kind, input.label);
    if (live && live.id !== term.id) throw conflict(`“${input.label}” already belongs to “${live.label}”`);
    const retired = owners.retired(term.kind, input.label);
    if (retired)
      throw conflict(
        `“${input.label}” belongs to the retired term “${retired.label}”: restore that term instead`,
      );

    const newKey = normaliseLabel(input.label);
    const aliases = term.aliases.filter((a) => normaliseLabel(a) !== newKey);
    if (input.keepOldAsAlias && normaliseLabel(term.label) !== newKey) aliases.push(term.label);
    const updated = await tx.vocabularyTerm.update({
      where: { id: term.id },
      data: { label: input.label, aliases },
    });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "vocabulary.rename_term",
      entityType: "vocabulary_term",
      entityId: term.id,
      before: { label: term.label, aliases: term.aliases },
      after: { label: updated.label, aliases: updated.aliases },
    });
    return updated;
  });
}

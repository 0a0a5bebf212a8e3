import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db, type TTx } from "@/lib/db/prisma";
import { conflict } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { assertVocabularyManager } from "./assert-manager";
import { lockVocabulary } from "./lock-vocabulary";
import type { TAddTerm } from "./schemas";
import { spellingOwners } from "./spelling-owners";

/** Inserts and audits a term the caller has already checked is new, inside the caller's locked transaction. */
export async function insertTerm(
  tx: TTx,
  user: TCurrentUser,
  input: TAddTerm & { aliases?: string[] },
  ctx: TRequestContext,
) {
  const term = await tx.vocabularyTerm.create({
    data: { kind: input.kind, label: input.label, aliases: input.aliases ?? [] },
  });
  await recordAudit(tx, ctx, {
    actorId: user.id,
    action: "vocabulary.add_term",
    entityType: "vocabulary_term",
    entityId: term.id,
    after: { kind: term.kind, label: term.label, aliases: term.aliases },
  });
  return term;
}

export async function addTerm(user: TCurrentUser, input: TAddTerm, ctx: TRequestContext) {
  assertVocabularyManager(user);
  return db().$transaction(async (tx) => {
    await lockVocabulary(tx);
    const owners = await spellingOwners(tx);
    const existing = owners.live(input.kind, input.label);
    if (existing)
      throw conflict(`“${input.label}” is already the ${input.kind.toLowerCase()} “${existing.label}”`);
    // Re-adding a retired label would quietly undo the retirement; the admin restores it explicitly.
    const retired = owners.retired(input.kind, input.label);
    if (retired) {
      throw conflict(
        `“${input.label}” belongs to the retired ${input.kind.toLowerCase()} “${retired.label}”: restore it, or add the spelling as an alias of a live term`,
      );
    }
    return insertTerm(tx, user, input, ctx);
  });
}

import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { insertTerm } from "./add-term";
import { assertVocabularyManager } from "./assert-manager";
import { lockVocabulary } from "./lock-vocabulary";
import { normaliseLabel } from "./normalise-label";
import type { TApplyMappings, TVocabularyKind } from "./schemas";
import { spellingOwners } from "./spelling-owners";

export type TMappingsResult = {
  added: { id: string; label: string }[];
  aliased: { id: string; label: string }[];
};

/**
 * Applies many label decisions at once (the import screen's "accept all suggestions"): in one
 * transaction under the vocabulary lock, every decision is checked first and any refusal (a spelling
 * that already belongs to another term, a term gone or of another kind, one spelling given twice)
 * answers 422 with its field, before anything is written. Each change is audited like its one-by-one
 * counterpart (add_term, add_alias), in the same transaction.
 */
export async function applyMappings(user: TCurrentUser, input: TApplyMappings, ctx: TRequestContext) {
  assertVocabularyManager(user);
  return db().$transaction(async (tx) => {
    await lockVocabulary(tx);
    const owners = await spellingOwners(tx);
    const targetIds = input.mappings.flatMap((m) => (m.action === "alias" ? [m.termId] : []));
    const targets = new Map(
      (await tx.vocabularyTerm.findMany({ where: { id: { in: targetIds }, retiredAt: null } })).map((t) => [
        t.id,
        t,
      ]),
    );
    const errors: TFieldErrors = {};
    const fail = (field: string, message: string) => (errors[field] ??= []).push(message);
    // Spellings claimed by this request so far: two decisions cannot give one spelling away twice.
    const claimed = new Map<string, number>();
    const claim = (
      i: number,
      field: string,
      kind: TVocabularyKind,
      spelling: string,
      ownerId: string | null,
    ) => {
      const key = `${kind}:${normaliseLabel(spelling)}`;
      const earlier = claimed.get(key);
      if (earlier !== undefined && earlier !== i)
        return fail(field, `“${spelling}” is also mapped by decision ${earlier + 1}`);
      claimed.set(key, i);
      const live = owners.live(kind, spelling);
      if (live && live.id !== ownerId) return fail(field, `“${spelling}” already belongs to “${live.label}”`);
    };
    const plans = input.mappings.map((m, i) => {
      if (m.action === "alias") {
        const term = targets.get(m.termId);
        if (!term || term.kind !== m.kind) {
          fail(`mappings.${i}.termId`, "Choose a live term of the same kind");
          return null;
        }
        const have = new Set([term.label, ...term.aliases].map(normaliseLabel));
        const fresh = [...new Map(m.spellings.map((s) => [normaliseLabel(s), s])).entries()]
          .filter(([k]) => !have.has(k))
          .map(([, s]) => s);
        for (const s of fresh) claim(i, `mappings.${i}.spellings`, m.kind, s, term.id);
        return { kind: "alias" as const, term, fresh };
      }
      claim(i, `mappings.${i}.label`, m.kind, m.label, null);
      const retired = owners.retired(m.kind, m.label);
      if (retired)
        fail(
          `mappings.${i}.label`,
          `“${m.label}” belongs to the retired term “${retired.label}”: restore it`,
        );
      const labelKey = normaliseLabel(m.label);
      const aliases = [...new Map(m.aliases.map((a) => [normaliseLabel(a), a])).entries()]
        .filter(([k]) => k !== labelKey)
        .map(([, a]) => a);
      for (const a of aliases) claim(i, `mappings.${i}.aliases`, m.kind, a, null);
      return { kind: "new" as const, input: { kind: m.kind, label: m.label, aliases } };
    });
    if (Object.keys(errors).length)
      throw new AppError("VALIDATION", "Some mappings cannot be applied: nothing was changed", {
        fieldErrors: errors,
      });

    const result: TMappingsResult = { added: [], aliased: [] };
    for (const p of plans) {
      if (!p) continue;
      if (p.kind === "new") {
        const t = await insertTerm(tx, user, p.input, ctx);
        result.added.push({ id: t.id, label: t.label });
        continue;
      }
      if (!p.fresh.length) continue;
      const updated = await tx.vocabularyTerm.update({
        where: { id: p.term.id },
        data: { aliases: { push: p.fresh } },
      });
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "vocabulary.add_alias",
        entityType: "vocabulary_term",
        entityId: p.term.id,
        before: { aliases: p.term.aliases },
        after: { aliases: updated.aliases },
      });
      result.aliased.push({ id: updated.id, label: updated.label });
    }
    return result;
  });
}

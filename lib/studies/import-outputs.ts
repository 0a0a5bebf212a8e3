import "server-only";
import { db } from "@/lib/db/prisma";
import { withoutStatementTimeout } from "@/lib/db/statement-timeout";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { normaliseInstruction } from "@/lib/studies/normalise-instruction";
import { revealsIdentity } from "@/lib/studies/reveals-identity";
import { checkTitle } from "@/lib/studies/check-title";
import { checkStoredGuidelines } from "@/lib/guidelines/check-stored-guidelines";
import type { TParsedOutput } from "@/lib/studies/parse-outputs";
import { conversationKey } from "@/lib/conversations/transcript-text";
import { describeLineProblems, type TLineProblem } from "@/lib/studies/parse-conversation-outputs";

export type TImportReport = {
  models: string[];
  imported: number;
  replaced: number;
  newPrompts: number;
  /** Outputs whose instruction matches no prompt in a study that already has prompts. */
  unmatched: { model: string; instruction: string }[];
  revealsIdentity: number;
};

/** The key of a prompt, and of a prompt's claim: see importOutputs. */
function keysOf(o: TParsedOutput) {
  if (!o.context) return { key: normaliseInstruction(o.instruction, o.input), claim: null };
  return { key: conversationKey(o.context), claim: normaliseInstruction(o.instruction) };
}

const where = (o: TParsedOutput) => (o.line ? `line ${o.line}` : "one output");

/**
 * Outputs are matched to prompts by normalised instruction, or for a conversation by its context
 * turns (conversationKey). The first import defines the prompt set; later ones only attach, and
 * report what matched nothing (a different test set).
 *
 * A conversation line "claims" the prompt whose last user turn it shares: the turn its model
 * answered. If its earlier turns differ from that prompt's, the line is refused by number rather
 * than made a prompt of its own: it is almost always one model's copy of the dialogue edited or
 * truncated, and a silent second prompt would leave both models' answers without a comparison.
 * Two different dialogues ending with the very same user words therefore cannot share a study.
 * The import is all-or-nothing: one refused line and nothing is written.
 */
export async function importOutputs(
  user: TCurrentUser,
  studyId: string,
  outputs: readonly TParsedOutput[],
  ctx: TRequestContext,
): Promise<TImportReport> {
  return db().$transaction(
    async (tx) => {
      await withoutStatementTimeout(tx, "study-outputs-import");
      const study = await tx.study.findUnique({
        where: { id: studyId },
        select: { id: true, status: true, title: true, referenceModel: true },
      });
      if (!study) throw notFound("Study");
      if (study.status !== "DRAFT")
        throw new AppError("CONFLICT", "Outputs can only be imported before the study starts");
      const existing = await tx.studyPrompt.findMany({
        where: { studyId },
        select: { id: true, matchKey: true, instruction: true, context: true },
      });
      const byKey = new Map(existing.map((p) => [p.matchKey, p.id]));
      // Conversation prompts by their last user turn: who claims them (see the comment above).
      const claims = new Map<string, { matchKey: string; from: string }>();
      for (const p of existing)
        if (p.context !== null)
          claims.set(normaliseInstruction(p.instruction), {
            matchKey: p.matchKey,
            from: "a prompt already in the study",
          });
      const problems: TLineProblem[] = [];
      const definesPrompts = existing.length === 0;
      const report: TImportReport = {
        models: [],
        imported: 0,
        replaced: 0,
        newPrompts: 0,
        unmatched: [],
        revealsIdentity: 0,
      };
      const seen = new Set<string>();
      for (const o of outputs) {
        const { key, claim } = keysOf(o);
        let promptId = byKey.get(key);
        const claimed = claim === null ? undefined : claims.get(claim);
        // A context turn is shown to raters as it is, for both sides: one that names its model
        // ("You are ChatGPT, trained by OpenAI") would tell every rater who is in the study.
        const naming = (o.context ?? []).findIndex((t) => revealsIdentity(t.content));
        if (naming >= 0) {
          problems.push({
            line: o.line ?? 0,
            reason: `turn ${naming + 1} of its conversation names a model (raters would read it): remove or reword that turn`,
          });
          continue;
        }
        if (!promptId && claimed && claimed.matchKey !== key) {
          problems.push({
            line: o.line ?? 0,
            reason: `its conversation ends with the same user turn as ${claimed.from} but its earlier turns differ`,
          });
          continue;
        }
        if (!promptId) {
          if (!definesPrompts) {
            report.unmatched.push({ model: o.model, instruction: o.instruction.slice(0, 200) });
            continue;
          }
          const p = await tx.studyPrompt.create({
            data: {
              studyId,
              instruction: o.instruction,
              input: o.input,
              matchKey: key,
              ...(o.context ? { context: o.context } : {}),
            },
          });
          promptId = p.id;
          byKey.set(key, promptId);
          if (claim !== null) claims.set(claim, { matchKey: key, from: where(o) });
          report.newPrompts++;
        }
        const dup = `${promptId}\u0000${o.model}`;
        if (seen.has(dup))
          throw new AppError(
            "VALIDATION",
            `Model ${o.model} has two outputs for one prompt${o.line ? ` (the second at line ${o.line})` : ""}`,
          );
        seen.add(dup);
        const flagged = revealsIdentity(o.text);
        const before = await tx.studyOutput.findUnique({
          where: { promptId_model: { promptId, model: o.model } },
          select: { id: true },
        });
        await tx.studyOutput.upsert({
          where: { promptId_model: { promptId, model: o.model } },
          create: { promptId, model: o.model, text: o.text, revealsIdentity: flagged },
          update: { text: o.text, revealsIdentity: flagged },
        });
        if (before) report.replaced++;
        else report.imported++;
        if (flagged) report.revealsIdentity++;
        if (!report.models.includes(o.model)) report.models.push(o.model);
      }
      if (problems.length)
        throw new AppError("VALIDATION", describeLineProblems(problems), {
          extra: { lines: problems.slice(0, 100) },
        });
      // Raters see the title: it must not name any model the study now has (the import is undone).
      const models = await tx.studyOutput.findMany({
        where: { prompt: { studyId } },
        distinct: ["model"],
        select: { model: true },
      });
      const modelNames = [
        ...models.map((m) => m.model),
        ...(study.referenceModel ? [study.referenceModel] : []),
      ];
      checkTitle(study.title, modelNames);
      // The guidelines were checked against the models the study had when they were saved.
      await checkStoredGuidelines(tx, studyId, modelNames);
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "study.import_outputs",
        entityType: "study",
        entityId: studyId,
        after: {
          models: report.models,
          imported: report.imported,
          replaced: report.replaced,
          unmatched: report.unmatched.length,
        },
      });
      return report;
    },
    { timeout: 60_000 },
  );
}

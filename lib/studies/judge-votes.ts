import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { cohenKappa, percentAgreement, type Choice } from "@/lib/stats";
import { loadJudgements } from "@/lib/studies/load-judgements";
import { normaliseInstruction } from "@/lib/studies/normalise-instruction";
import { readStoredTurns } from "@/lib/conversations/stored-turns";
import { flattenTranscript } from "@/lib/conversations/transcript-text";
import { studyCriteria } from "@/lib/studies/study-criteria";

export const ZJudgeAnnotations = z
  .array(
    z.object({
      instruction: z.string().min(1),
      input: z.string().optional(),
      generator_1: z.string().min(1),
      generator_2: z.string().min(1),
      // 1 = generator_1 better, 2 = generator_2; weighted judges give values in between; 0 is
      // AlpacaEval's code for a tie; null is an annotation that failed.
      preference: z
        .number()
        .min(0)
        .max(2)
        .refine((p) => p === 0 || p >= 1, "Use 0 (tie), or a value from 1 to 2")
        .nullable(),
    }),
  )
  .min(1)
  .max(50_000);

/** AlpacaEval preference (1 = generator_1 better, 2 = generator_2, 1.5 or 0 = tie) in model terms. */
function toChoice(preference: number, generator1: string, generator2: string, modelA: string): Choice {
  if (preference === 1.5 || preference === 0) return "tie";
  const winner = preference < 1.5 ? generator1 : generator2;
  return winner === modelA ? "A" : "B";
}

export async function importJudgeVotes(
  user: TCurrentUser,
  studyId: string,
  judge: string,
  criterion: string,
  rows: z.infer<typeof ZJudgeAnnotations>,
  ctx: TRequestContext,
) {
  return db().$transaction(
    async (tx) => {
      const study = await tx.study.findUnique({
        where: { id: studyId },
        select: { id: true, criteria: true },
      });
      if (!study) throw notFound("Study");
      if (!studyCriteria(study.criteria).some((c) => c.key === criterion)) {
        throw new AppError("VALIDATION", `This study has no criterion ${criterion}`, {
          fieldErrors: { criterion: ["Not a criterion of this study"] },
        });
      }
      // One transaction is one connection: its queries go one after another (PGlite would stall).
      const prompts = await tx.studyPrompt.findMany({
        where: { studyId },
        select: { id: true, matchKey: true, context: true },
      });
      const comparisons = await tx.studyComparison.findMany({
        where: { studyId, kind: "regular" },
        select: { promptId: true, modelA: true, modelB: true },
      });
      const promptOf = new Map(prompts.map((p) => [p.matchKey, p.id]));
      // A conversation prompt's annotations carry its flattened transcript (lib/studies/exports.ts):
      // the study's own annotations file, graded by a judge, comes back to the same prompts.
      for (const p of prompts) {
        const turns = readStoredTurns(p.context);
        if (turns) promptOf.set(normaliseInstruction(flattenTranscript(turns)), p.id);
      }
      const pairs = new Set(comparisons.map((c) => `${c.promptId}\u0000${c.modelA}\u0000${c.modelB}`));
      let stored = 0;
      let unmatched = 0;
      for (const r of rows) {
        const promptId = promptOf.get(normaliseInstruction(r.instruction, r.input ?? ""));
        if (!promptId || r.preference === null) {
          unmatched++;
          continue;
        }
        const asIs = pairs.has(`${promptId}\u0000${r.generator_2}\u0000${r.generator_1}`);
        const flipped = pairs.has(`${promptId}\u0000${r.generator_1}\u0000${r.generator_2}`);
        if (!asIs && !flipped) {
          unmatched++;
          continue;
        }
        const modelA = asIs ? r.generator_2 : r.generator_1;
        const modelB = asIs ? r.generator_1 : r.generator_2;
        const choice = toChoice(r.preference, r.generator_1, r.generator_2, modelA);
        await tx.studyJudgeVote.upsert({
          where: {
            studyId_judge_criterion_promptId_modelA_modelB: {
              studyId,
              judge,
              criterion,
              promptId,
              modelA,
              modelB,
            },
          },
          create: { studyId, judge, criterion, promptId, modelA, modelB, choice },
          update: { choice },
        });
        stored++;
      }
      if (stored === 0) throw new AppError("VALIDATION", "No annotation matched a comparison of this study");
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "study.import_judge",
        entityType: "study",
        entityId: studyId,
        after: { judge, criterion, stored, unmatched },
      });
      return { stored, unmatched };
    },
    { timeout: 60_000 },
  );
}

/** Human–judge agreement per judge and criterion: each human judgement against the judge's vote (both bad counts as a tie). */
export async function judgeAgreement(studyId: string) {
  const [votes, judgements] = await Promise.all([
    db().studyJudgeVote.findMany({ where: { studyId } }),
    loadJudgements(studyId),
  ]);
  const collapse = (c: string) => (c === "both_bad" ? "tie" : c);
  const groups = new Map<string, { judge: string; criterion: string; human: string[]; llm: string[] }>();
  const voteOf = new Map(
    votes.map((v) => [
      `${v.judge}\u0000${v.criterion}\u0000${v.promptId}\u0000${v.modelA}\u0000${v.modelB}`,
      v,
    ]),
  );
  const judges = [...new Set(votes.map((v) => v.judge))];
  for (const j of judgements) {
    if (j.kind !== "regular") continue;
    for (const judge of judges) {
      const v = voteOf.get(
        `${judge}\u0000${j.criterion}\u0000${j.promptId}\u0000${j.modelA}\u0000${j.modelB}`,
      );
      if (!v) continue;
      const key = `${judge}\u0000${j.criterion}`;
      const g = groups.get(key) ?? { judge, criterion: j.criterion, human: [], llm: [] };
      g.human.push(collapse(j.choice));
      g.llm.push(collapse(v.choice));
      groups.set(key, g);
    }
  }
  return [...groups.values()].map((g) => ({
    judge: g.judge,
    criterion: g.criterion,
    n: g.human.length,
    percentAgreement: percentAgreement(g.human.map((h, i) => [h, g.llm[i] ?? ""])),
    cohenKappa: cohenKappa(g.human, g.llm),
  }));
}

import "server-only";
import { db } from "@/lib/db/prisma";
import type { TTurn } from "@/lib/conversations/types";
import { readStoredTurns } from "@/lib/conversations/stored-turns";

export type TStudyExample = {
  promptId: string;
  instruction: string;
  input: string;
  context: TTurn[] | null;
  votes: number;
  outputs: { model: string; text: string; wins: number }[];
};

/**
 * The most-rated prompts with each model's answer and how often raters preferred it, so a
 * researcher can read what the numbers are about. Regular comparisons only (attention checks and
 * repeats would count one prompt twice); every criterion's vote counts; current revisions only.
 *
 * Counted and limited in SQL: the card shows `limit` prompts, so it reads their rows only, not
 * every judgement of the study (a large study has hundreds of thousands).
 */
export async function studyExamples(studyId: string, limit = 5): Promise<TStudyExample[]> {
  const top = await db().$queryRaw<{ promptId: string; votes: number }[]>`
    SELECT c."promptId" AS "promptId", count(*)::int AS votes
      FROM "StudyJudgement" j JOIN "StudyComparison" c ON c.id = j."comparisonId"
     WHERE c."studyId" = ${studyId}::uuid AND c.kind = 'regular' AND j."supersededAt" IS NULL
     GROUP BY c."promptId"
     ORDER BY votes DESC, min(j."createdAt"), c."promptId"
     LIMIT ${limit}`;
  if (!top.length) return [];
  const ids = top.map((t) => t.promptId);
  const [wins, prompts, outputs] = await Promise.all([
    db().$queryRaw<{ promptId: string; model: string; wins: number }[]>`
      SELECT c."promptId" AS "promptId",
             CASE WHEN j.choice = 'A' THEN c."modelA" ELSE c."modelB" END AS model, count(*)::int AS wins
        FROM "StudyJudgement" j JOIN "StudyComparison" c ON c.id = j."comparisonId"
       WHERE c."studyId" = ${studyId}::uuid AND c."promptId" = ANY(${ids}::uuid[]) AND c.kind = 'regular'
         AND j."supersededAt" IS NULL AND j.choice IN ('A', 'B')
       GROUP BY 1, 2`,
    db().studyPrompt.findMany({
      where: { id: { in: ids } },
      select: { id: true, instruction: true, input: true, context: true },
    }),
    db().studyOutput.findMany({
      where: { promptId: { in: ids } },
      select: { promptId: true, model: true, text: true },
      orderBy: { model: "asc" },
    }),
  ]);
  const winsOf = new Map(wins.map((w) => [`${w.promptId}\u0000${w.model}`, w.wins]));
  const promptOf = new Map(prompts.map((p) => [p.id, p]));
  return top.map(({ promptId, votes }) => {
    const prompt = promptOf.get(promptId);
    return {
      promptId,
      instruction: prompt?.instruction ?? "",
      input: prompt?.input ?? "",
      context: readStoredTurns(prompt?.context),
      votes,
      outputs: outputs
        .filter((o) => o.promptId === promptId)
        .map((o) => ({ model: o.model, text: o.text, wins: winsOf.get(`${promptId}\u0000${o.model}`) ?? 0 })),
    };
  });
}

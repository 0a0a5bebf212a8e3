import "server-only";
import { db } from "@/lib/db/prisma";
import type { TTurn } from "@/lib/conversations/types";
import { loadJudgements } from "@/lib/studies/load-judgements";

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
 * repeats would count one prompt twice); every criterion's vote counts.
 */
export async function studyExamples(studyId: string, limit = 5): Promise<TStudyExample[]> {
  const judgements = (await loadJudgements(studyId)).filter((j) => j.kind === "regular");
  const byPrompt = new Map<string, typeof judgements>();
  for (const j of judgements) byPrompt.set(j.promptId, [...(byPrompt.get(j.promptId) ?? []), j]);
  const top = [...byPrompt.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, limit);
  const outputs = await db().studyOutput.findMany({
    where: { promptId: { in: top.map(([id]) => id) } },
    select: { promptId: true, model: true, text: true },
    orderBy: { model: "asc" },
  });
  return top.map(([promptId, votes]) => {
    const first = votes[0]!;
    const wins = (model: string) =>
      votes.filter((v) => (v.choice === "A" ? v.modelA : v.choice === "B" ? v.modelB : null) === model)
        .length;
    return {
      promptId,
      instruction: first.instruction,
      input: first.input,
      context: first.context,
      votes: votes.length,
      outputs: outputs
        .filter((o) => o.promptId === promptId)
        .map((o) => ({ model: o.model, text: o.text, wins: wins(o.model) })),
    };
  });
}

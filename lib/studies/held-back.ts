import "server-only";
import { db } from "@/lib/db/prisma";
import { readStoredTurns } from "@/lib/conversations/stored-turns";

const LIST = 200;

/**
 * The comparisons held back from raters at the start because an output names its model: how many,
 * and which prompts and models (the first LIST). For the results, so nothing is dropped silently.
 */
export async function heldBackComparisons(studyId: string) {
  const [count, rows] = await Promise.all([
    db().studyHeldBack.count({ where: { studyId } }),
    db().studyHeldBack.findMany({
      where: { studyId },
      select: {
        promptId: true,
        modelA: true,
        modelB: true,
        revealing: true,
        prompt: { select: { instruction: true, context: true } },
      },
      orderBy: [{ promptId: "asc" }, { modelA: "asc" }, { modelB: "asc" }],
      take: LIST,
    }),
  ]);
  return {
    count,
    comparisons: rows.map((r) => ({
      promptId: r.promptId,
      prompt: r.prompt.instruction.slice(0, 120),
      /** Conversation prompts: the turns up to and including the last user turn. */
      context: readStoredTurns(r.prompt.context),
      modelA: r.modelA,
      modelB: r.modelB,
      revealing: r.revealing,
    })),
  };
}
export type THeldBack = Awaited<ReturnType<typeof heldBackComparisons>>;

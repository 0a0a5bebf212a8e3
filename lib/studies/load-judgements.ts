import "server-only";
import { db, type TTx } from "@/lib/db/prisma";
import type { Choice, Side } from "@/lib/stats";
import { readStoredTurns } from "@/lib/conversations/stored-turns";
import type { TTurn } from "@/lib/conversations/types";

export type TLoadedJudgement = {
  id: string;
  assignmentId: string;
  comparisonId: string;
  kind: string;
  repeatOfId: string | null;
  degradedModel: string | null;
  promptId: string;
  instruction: string;
  /** The prompt's input ("" when it has none): part of the prompt the models answered. */
  input: string;
  /** A conversation prompt's context turns (its last user turn is `instruction`); null for a single text. */
  context: TTurn[] | null;
  modelA: string;
  modelB: string;
  raterId: string;
  pseudonym: string;
  criterion: string;
  choice: Choice;
  shownLeft: Side;
  rationale: string | null;
  durationMs: number;
  createdAt: Date;
  guidelineVersion: number | null;
  revealsIdentity: boolean;
};

/**
 * Every judgement of a study with what the researcher views need, oldest first. Exports pass the
 * transaction that lifts their statement timeout (lib/db/statement-timeout.ts).
 */
export async function loadJudgements(studyId: string, client: TTx = db()): Promise<TLoadedJudgement[]> {
  const rows = await client.studyJudgement.findMany({
    where: { comparison: { studyId }, supersededAt: null },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { comparison: { include: { study: { select: { id: true } } } } },
  });
  const promptIds = [...new Set(rows.map((r) => r.comparison.promptId))];
  const raterIds = [...new Set(rows.map((r) => r.raterId))];
  const [prompts, outputs, users] = await Promise.all([
    client.studyPrompt.findMany({
      where: { id: { in: promptIds } },
      select: { id: true, instruction: true, input: true, context: true },
    }),
    client.studyOutput.findMany({
      where: { promptId: { in: promptIds }, revealsIdentity: true },
      select: { promptId: true, model: true },
    }),
    client.user.findMany({ where: { id: { in: raterIds } }, select: { id: true, pseudonym: true } }),
  ]);
  const promptOf = new Map(prompts.map((p) => [p.id, p]));
  const revealing = new Set(outputs.map((o) => `${o.promptId}\u0000${o.model}`));
  const pseudonymOf = new Map(users.map((u) => [u.id, u.pseudonym]));
  // choice and shownLeft are enums in the database (migration …_integrity_constraints): no filtering.
  return rows.map((r) => {
    const c = r.comparison;
    return {
      id: r.id,
      assignmentId: r.assignmentId,
      comparisonId: c.id,
      kind: c.kind,
      repeatOfId: c.repeatOfId,
      degradedModel: c.degradedModel,
      promptId: c.promptId,
      instruction: promptOf.get(c.promptId)?.instruction ?? "",
      input: promptOf.get(c.promptId)?.input ?? "",
      context: readStoredTurns(promptOf.get(c.promptId)?.context),
      modelA: c.modelA,
      modelB: c.modelB,
      raterId: r.raterId,
      pseudonym: pseudonymOf.get(r.raterId) ?? "",
      criterion: r.criterion,
      choice: r.choice,
      shownLeft: r.shownLeft,
      rationale: r.rationale,
      durationMs: r.durationMs,
      createdAt: r.createdAt,
      guidelineVersion: r.guidelineVersion,
      revealsIdentity:
        revealing.has(`${c.promptId}\u0000${c.modelA}`) || revealing.has(`${c.promptId}\u0000${c.modelB}`),
    };
  });
}

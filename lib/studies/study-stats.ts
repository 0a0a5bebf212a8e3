import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { attentionCheckPassRates, repeatConsistency, summarisePairs, type Choice } from "@/lib/stats";
import { heldBackComparisons } from "@/lib/studies/held-back";
import { loadJudgements, type TLoadedJudgement } from "@/lib/studies/load-judgements";
import { statsModelOrder } from "@/lib/studies/stats-model-order";
import { studyCriteria } from "@/lib/studies/study-criteria";
import { DEFAULT_PROGRESS_WIDTH, ZProgressWidth } from "@/lib/studies/progress-verdict";

const ZFlag = z
  .enum(["1", "0", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

export const ZStatsFilter = z.object({
  criterion: z.string().max(40).optional(),
  raters: z
    .string()
    .max(20_000)
    .optional()
    .transform((v) =>
      v
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined,
    ),
  excludeFailedAttention: ZFlag,
  excludeRevealing: ZFlag,
  bootstrapRounds: z.coerce.number().int().min(50).max(5000).optional(),
});
export type TStatsFilter = z.infer<typeof ZStatsFilter>;

/** The stats route's query: the filters plus the "are we done?" target width (Elo points). */
export const ZStatsQuery = ZStatsFilter.extend({
  width: ZProgressWidth.default(DEFAULT_PROGRESS_WIDTH),
});

/** The choice an attentive rater makes on a check: the intact response wins. */
function expectedChoice(j: TLoadedJudgement): Choice {
  return j.degradedModel === j.modelA ? "B" : "A";
}

/**
 * One outcome per attention-check assignment: passed when some criterion prefers the intact
 * response and none prefers the degraded one (a tie on, say, safety is a fair answer).
 */
export function attentionOutcomes(judgements: readonly TLoadedJudgement[]) {
  const byAssignment = new Map<string, { raterId: string; intact: boolean; degraded: boolean }>();
  for (const j of judgements) {
    if (j.kind !== "attention") continue;
    const o = byAssignment.get(j.assignmentId) ?? { raterId: j.raterId, intact: false, degraded: false };
    const expected = expectedChoice(j);
    if (j.choice === expected) o.intact = true;
    else if (j.choice === "A" || j.choice === "B") o.degraded = true;
    byAssignment.set(j.assignmentId, o);
  }
  return [...byAssignment.values()].map((o) => ({ raterId: o.raterId, passed: o.intact && !o.degraded }));
}

/** Raters who failed any attention check. */
export function ratersFailingAttention(judgements: readonly TLoadedJudgement[]): Set<string> {
  return new Set(
    attentionOutcomes(judgements)
      .filter((o) => !o.passed)
      .map((o) => o.raterId),
  );
}

/** What the filters keep for the preference statistics: regular comparisons only. */
export function filterJudgements(all: readonly TLoadedJudgement[], f: TStatsFilter): TLoadedJudgement[] {
  const failed = f.excludeFailedAttention ? ratersFailingAttention(all) : new Set<string>();
  const raters = f.raters ? new Set(f.raters) : null;
  return all.filter(
    (j) =>
      j.kind === "regular" &&
      (!f.criterion || j.criterion === f.criterion) &&
      (!raters || raters.has(j.raterId) || raters.has(j.pseudonym)) &&
      !failed.has(j.raterId) &&
      !(f.excludeRevealing && j.revealsIdentity),
  );
}

/** `targetWidth`: Elo points for the "are we done?" estimate (progress), from the same bootstrap. */
export async function studyStats(
  studyId: string,
  f: TStatsFilter,
  targetWidth: number = DEFAULT_PROGRESS_WIDTH,
) {
  const study = await db().study.findUnique({
    where: { id: studyId },
    select: { criteria: true, seed: true, design: true, referenceModel: true },
  });
  if (!study) throw notFound("Study");
  const [all, heldBack] = await Promise.all([loadJudgements(studyId), heldBackComparisons(studyId)]);
  const kept = filterJudgements(all, f);
  // A and B are the stored comparison's model A and B (the reference is B), as in the downloads.
  const modelOrder = statsModelOrder(
    study.design,
    study.referenceModel,
    kept.flatMap((j) => [j.modelA, j.modelB]),
  );
  const summary = summarisePairs(kept, {
    seed: study.seed,
    modelOrder,
    targetWidth,
    ...(f.bootstrapRounds ? { bootstrapRounds: f.bootstrapRounds } : {}),
  });
  const criteria = studyCriteria(study.criteria).filter((c) => !f.criterion || c.key === f.criterion);
  return {
    criteria,
    pairs: summary.pairs,
    ratings: summary.ratings,
    agreement: summary.agreement,
    positionBias: { leftWinRate: summary.positionBias.leftWinRate, ci: summary.positionBias.ci },
    heldBack,
    progress: summary.progress,
  };
}

/** Rater quality: attention-check pass rates and consistency on repeats (sides swapped). */
export async function studyQuality(studyId: string) {
  const all = await loadJudgements(studyId);
  const pseudonymOf = new Map(all.map((j) => [j.raterId, j.pseudonym]));
  const attention = attentionCheckPassRates(
    attentionOutcomes(all).map((o): { raterId: string; expected: Choice; choice: Choice } => ({
      raterId: o.raterId,
      expected: "A",
      choice: o.passed ? "A" : "B",
    })),
  ).map((r) => ({ ...r, rater: pseudonymOf.get(r.raterId) ?? "" }));
  // Input order is creation order, so each repeat is compared with the rater's first showing.
  const consistency = repeatConsistency(all.filter((j) => j.kind !== "attention")).map((r) => ({
    ...r,
    rater: pseudonymOf.get(r.raterId) ?? "",
  }));
  const durations = all.map((j) => j.durationMs).sort((a, b) => a - b);
  const medianDurationMs = durations.length ? (durations[Math.floor(durations.length / 2)] ?? 0) : null;
  return { attention, consistency, medianDurationMs, judgements: all.length };
}

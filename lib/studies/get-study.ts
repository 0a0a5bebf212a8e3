import "server-only";
import { db } from "@/lib/db/prisma";
import { readStoredTurns } from "@/lib/conversations/stored-turns";
import { notFound } from "@/lib/errors/app-error";
import { excerptAround } from "@/lib/studies/reveals-identity";
import { studyCriteria } from "@/lib/studies/study-criteria";

/** The admin/researcher view of a study (it names the models: never for raters). */
export async function getStudy(studyId: string) {
  const study = await db().study.findUnique({
    where: { id: studyId },
    include: { raters: { select: { userId: true } } },
  });
  if (!study) throw notFound("Study");
  const [prompts, outputs, flagged, flaggedCount, items, comparisons, judgements, heldBack] =
    await Promise.all([
      db().studyPrompt.count({ where: { studyId } }),
      db().studyOutput.groupBy({ by: ["model"], where: { prompt: { studyId } }, _count: { _all: true } }),
      db().studyOutput.findMany({
        where: { prompt: { studyId }, revealsIdentity: true },
        select: {
          id: true,
          model: true,
          promptId: true,
          text: true,
          prompt: { select: { instruction: true, context: true } },
        },
        orderBy: [{ model: "asc" }, { id: "asc" }],
        take: 200,
      }),
      db().studyOutput.count({ where: { prompt: { studyId }, revealsIdentity: true } }),
      db().queueItem.aggregate({
        where: { queueId: studyId },
        _sum: { capacity: true, completedSlots: true, claimedSlots: true },
        _count: { _all: true },
      }),
      db().studyComparison.groupBy({ by: ["kind"], where: { studyId }, _count: { _all: true } }),
      db().studyJudgement.count({ where: { comparison: { studyId }, supersededAt: null } }),
      db().studyHeldBack.count({ where: { studyId } }),
    ]);
  return {
    id: study.id,
    number: study.number,
    name: study.name,
    title: study.title,
    status: study.status,
    design: study.design,
    reference: study.referenceModel,
    allocation: study.allocation,
    allocationGoal: study.allocationGoal,
    criteria: studyCriteria(study.criteria),
    ratingsPerComparison: study.ratingsPerComparison,
    allowTie: study.allowTie,
    allowBothBad: study.allowBothBad,
    rationale: study.rationale,
    attentionCheckShare: study.attentionCheckShare,
    repeatShare: study.repeatShare,
    raterIds: study.raters.map((r) => r.userId),
    createdAt: study.createdAt.toISOString(),
    startedAt: study.startedAt?.toISOString() ?? null,
    closedAt: study.closedAt?.toISOString() ?? null,
    prompts,
    models: outputs
      .map((o) => ({ model: o.model, outputs: o._count._all }))
      .sort((a, b) => a.model.localeCompare(b.model)),
    revealsIdentity: flagged.map((f) => ({
      outputId: f.id,
      model: f.model,
      promptId: f.promptId,
      prompt: f.prompt.instruction.slice(0, 120),
      context: readStoredTurns(f.prompt.context),
      excerpt: excerptAround(f.text),
    })),
    revealsIdentityCount: flaggedCount,
    /** Decided before the start: false holds comparisons with those outputs back from raters. */
    includeIdentityRevealing: study.includeIdentityRevealing,
    heldBackComparisons: heldBack,
    comparisons: Object.fromEntries(comparisons.map((c) => [c.kind, c._count._all])),
    progress: {
      items: items._count._all,
      slots: items._sum.capacity ?? 0,
      claimedSlots: items._sum.claimedSlots ?? 0,
      completedSlots: items._sum.completedSlots ?? 0,
      judgements,
    },
  };
}

export async function listStudies() {
  const studies = await db().study.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, number: true, name: true, title: true, status: true, design: true, createdAt: true },
  });
  return studies.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() }));
}

import "server-only";
import { db } from "@/lib/db/prisma";
import { listTerms } from "@/lib/vocabulary/list-terms";

/** Seed counts (not retired) by topic × type, by view and by difficulty, for spotting thin areas. */
export async function seedCoverage() {
  const where = { status: { not: "RETIRED" as const } };
  const [terms, byTopicType, byView, byDifficulty, total] = await Promise.all([
    listTerms(),
    db().seed.groupBy({ by: ["topicId", "typeId"], where, _count: { _all: true } }),
    db().seed.groupBy({ by: ["viewId"], where, _count: { _all: true } }),
    db().seed.groupBy({ by: ["difficulty"], where, _count: { _all: true } }),
    db().seed.count({ where }),
  ]);
  const topics = terms.filter((t) => t.kind === "TOPIC");
  const types = terms.filter((t) => t.kind === "TYPE");
  const cell = (topicId: string, typeId: string) =>
    byTopicType.find((r) => r.topicId === topicId && r.typeId === typeId)?._count._all ?? 0;
  return {
    total,
    types: types.map((t) => ({ id: t.id, label: t.label })),
    rows: topics.map((t) => ({ id: t.id, label: t.label, counts: types.map((ty) => cell(t.id, ty.id)) })),
    views: terms
      .filter((t) => t.kind === "VIEW")
      .map((v) => ({ label: v.label, count: byView.find((r) => r.viewId === v.id)?._count._all ?? 0 })),
    difficulties: [1, 2, 3, 4, 5].map((d) => ({ level: d, count: byDifficulty.find((r) => r.difficulty === d)?._count._all ?? 0 })),
  };
}

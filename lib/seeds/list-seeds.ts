import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import { visibleSeedsWhere } from "./load-seed";
import type { TSeedListQuery } from "./list-schemas";

const PAGE_SIZE = 50;

/** Ids whose instruction, input or reference answer match the words (PostgreSQL full-text search). */
async function fullTextIds(q: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT id::text AS id FROM "Seed"
     WHERE to_tsvector('english', instruction || ' ' || coalesce(input, '') || ' ' || coalesce("referenceAnswer", ''))
           @@ plainto_tsquery('english', ${q})
     LIMIT 5000`;
  return rows.map((r) => r.id);
}

export async function listSeeds(user: TCurrentUser, query: TSeedListQuery) {
  const filters: Prisma.SeedWhereInput[] = [visibleSeedsWhere(user)];
  if (query.q) filters.push({ id: { in: await fullTextIds(query.q) } });
  if (query.status) filters.push({ status: query.status });
  if (query.topicId) filters.push({ topicId: query.topicId });
  if (query.typeId) filters.push({ typeId: query.typeId });
  if (query.viewId) filters.push({ viewId: query.viewId });
  if (query.difficulty) filters.push({ difficulty: query.difficulty });
  const where = { AND: filters };
  const [total, rows] = await Promise.all([
    db().seed.count({ where }),
    db().seed.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        status: true,
        version: true,
        instruction: true,
        difficulty: true,
        authorId: true,
        updatedAt: true,
        topic: { select: { label: true } },
        view: { select: { label: true } },
        type: { select: { label: true } },
      },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: PAGE_SIZE,
    seeds: rows.map((r) => ({
      id: r.id,
      status: r.status,
      version: r.version,
      instruction: r.instruction,
      difficulty: r.difficulty,
      mine: r.authorId === user.id,
      topic: r.topic?.label ?? null,
      view: r.view?.label ?? null,
      type: r.type?.label ?? null,
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

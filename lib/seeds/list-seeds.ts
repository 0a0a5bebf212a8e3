import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { Prisma, type SeedStatus } from "@/lib/generated/prisma/client";
import type { TSeedListQuery } from "./list-schemas";
import { needsMyReviewSql } from "./needs-review";

const PAGE_SIZE = 50;

type TRow = {
  total: number;
  id: string | null;
  status: SeedStatus | null;
  version: number | null;
  instruction: string | null;
  difficulty: number | null;
  authorId: string | null;
  updatedAt: Date | string | null;
  since: Date | string | null;
  author: string | null;
  topic: string | null;
  view: string | null;
  type: string | null;
};

/**
 * What each role may see, in SQL: the same rule as visibleSeedsWhere (load-seed.ts), which the
 * Prisma reads use. Researchers see approved seeds only; drafts are seen by their author only.
 */
function visibleSql(user: TCurrentUser): Prisma.Sql {
  if (user.role === "RESEARCHER") return Prisma.sql`s.status = 'APPROVED'::"SeedStatus"`;
  return Prisma.sql`(s.status <> 'DRAFT'::"SeedStatus" OR s."authorId" = ${user.id}::uuid)`;
}

/**
 * One page of the seeds the caller may see, in one query: visibility, the filters and the
 * full-text match (PostgreSQL, on the GIN-indexed generated column "searchVector": instruction
 * weighted above input, above reference answer) are one WHERE clause, so nothing is cut before
 * the filters apply. With a search, the best ts_rank comes first; otherwise the newest change.
 * The total counts every match, also when the page asked for lies past the last one.
 */
export async function listSeeds(user: TCurrentUser, query: TSeedListQuery) {
  const where: Prisma.Sql[] = [visibleSql(user)];
  const tsQuery = query.q ? Prisma.sql`plainto_tsquery('english'::regconfig, ${query.q})` : null;
  if (tsQuery) where.push(Prisma.sql`s."searchVector" @@ ${tsQuery}`);
  if (query.status) where.push(Prisma.sql`s.status = ${query.status}::"SeedStatus"`);
  if (query.topicId) where.push(Prisma.sql`s."topicId" = ${query.topicId}::uuid`);
  if (query.typeId) where.push(Prisma.sql`s."typeId" = ${query.typeId}::uuid`);
  if (query.viewId) where.push(Prisma.sql`s."viewId" = ${query.viewId}::uuid`);
  if (query.difficulty) where.push(Prisma.sql`s.difficulty = ${query.difficulty}::int`);
  if (query.review === "mine") where.push(needsMyReviewSql(user));
  const rank = tsQuery ? Prisma.sql`ts_rank(s."searchVector", ${tsQuery})` : Prisma.sql`0::real`;
  // Age runs from submission (what a reviewer waits on), else from creation. The inbox is
  // oldest first unless told otherwise, so nothing waits at the bottom for ever.
  const sort = query.sort ?? (query.review === "mine" ? "oldest" : undefined);
  const order =
    sort === "oldest"
      ? Prisma.sql`m.since ASC, m.id ASC`
      : sort === "newest"
        ? Prisma.sql`m.since DESC, m.id ASC`
        : Prisma.sql`m.rank DESC, m."updatedAt" DESC, m.id ASC`;
  const outerOrder =
    sort === "oldest"
      ? Prisma.sql`p.since ASC, p.uid ASC`
      : sort === "newest"
        ? Prisma.sql`p.since DESC, p.uid ASC`
        : Prisma.sql`p.rank DESC, p."updatedAt" DESC, p.uid ASC`;
  const offset = (query.page - 1) * PAGE_SIZE;

  const rows = await db().$queryRaw<TRow[]>`
    WITH matches AS (
      SELECT s.id, s."updatedAt", COALESCE(s."submittedAt", s."createdAt") AS since, ${rank} AS rank
        FROM "Seed" s
       WHERE ${Prisma.join(where, " AND ")}
    )
    SELECT t.total, p.*
      FROM (SELECT count(*)::int AS total FROM matches) t
      LEFT JOIN LATERAL (
        SELECT s.id AS uid, s.id::text AS id, s.status::text AS status, s.version, s.instruction, s.difficulty,
               s."authorId"::text AS "authorId", s."updatedAt", m.since, au.name AS author,
               tp.label AS topic, vw.label AS view, ty.label AS type, m.rank
          FROM matches m
          JOIN "Seed" s ON s.id = m.id
          JOIN "User" au ON au.id = s."authorId"
          LEFT JOIN "VocabularyTerm" tp ON tp.id = s."topicId"
          LEFT JOIN "VocabularyTerm" vw ON vw.id = s."viewId"
          LEFT JOIN "VocabularyTerm" ty ON ty.id = s."typeId"
         ORDER BY ${order}
         LIMIT ${PAGE_SIZE} OFFSET ${offset}
      ) p ON true
     ORDER BY ${outerOrder}`;

  return {
    total: rows[0]?.total ?? 0,
    page: query.page,
    pageSize: PAGE_SIZE,
    seeds: rows.flatMap((r) =>
      r.id === null
        ? []
        : [
            {
              id: r.id,
              status: r.status ?? "DRAFT",
              version: r.version ?? 0,
              instruction: r.instruction ?? "",
              difficulty: r.difficulty,
              mine: r.authorId === user.id,
              author: r.author ?? "Unknown",
              since: new Date(r.since ?? 0).toISOString(),
              topic: r.topic,
              view: r.view,
              type: r.type,
              updatedAt: new Date(r.updatedAt ?? 0).toISOString(),
            },
          ],
    ),
  };
}
